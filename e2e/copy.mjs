// Copies each HTML page given on the command line as a reader copies a report out of a
// browser: Debian's chromium lays the page out and its rendered text (what select-all + copy
// puts on the clipboard as plain text) is written beside the page as PAGE.txt.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage();
  for (const file of process.argv.slice(2)) {
    await page.goto(pathToFileURL(file).href);
    writeFileSync(`${file}.txt`, await page.evaluate(() => document.body.innerText));
  }
} finally {
  await browser.close();
}
