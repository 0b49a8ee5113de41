// Copies each HTML page given on the command line as a reader takes a report out of a browser:
// Debian's chromium lays the page out; its rendered text (what select-all + copy puts on the
// clipboard as plain text) is written beside the page as PAGE.txt, and the page printed to PDF
// (Chrome's own PDF writer, which maps many common characters to radicals) as PAGE.pdf.
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
    await page.pdf({ path: `${file}.pdf`, format: 'A4' });
  }
} finally {
  await browser.close();
}
