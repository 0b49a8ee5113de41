"""A web page's text as crawlers commonly save it with html2text (HTML to Markdown).

python3 html_to_markdown.py FILE.html prints the Markdown to standard output: headings with #,
tables as `a| b| c` rows with a `---|---` rule under the first, no line wrapping.
"""
import sys

import html2text


def main():
    h = html2text.HTML2Text()
    h.body_width = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(h.handle(f.read()))


if __name__ == "__main__":
    main()
