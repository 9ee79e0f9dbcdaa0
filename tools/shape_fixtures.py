#!/usr/bin/env python3
"""Makes tests/fixtures/shapes/: the example article (tests/fixtures/reykjavik) in the shapes
translators receive it: hard-wrapped at 72 columns with blank lines between paragraphs, a saved
web page (head, script, navigation, footer around the article), a Word document with the
headlines as headings (written by LibreOffice from the web page), and the English in
Windows-1252.

Usage: tools/shape_fixtures.py [OUT_DIR]   (default tests/fixtures/shapes; needs soffice)
"""
import html
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
EXAMPLE = os.path.join(ROOT, "tests", "fixtures", "reykjavik")
TERMINAL = (".", "!", "?", "…", ":", ";")


def paragraphs(lang):
    with open(os.path.join(EXAMPLE, f"{lang}.txt"), encoding="utf-8") as f:
        return [line.strip() for line in f.read().splitlines() if line.strip()]


def is_heading(paragraph):
    return not paragraph.rstrip("”’\"')").endswith(TERMINAL)


def wrapped(paras):
    return "\n\n".join(textwrap.fill(p, width=72) for p in paras) + "\n"


def page(paras, lang, title):
    body = []
    for k, p in enumerate(paras):
        tag = "h1" if k == 0 and is_heading(p) else "h2" if is_heading(p) else "p"
        body.append(f"      <{tag}>{html.escape(p, quote=False)}</{tag}>")
    return f"""<!DOCTYPE html>
<html lang="{lang}">
  <head>
    <meta charset="utf-8">
    <title>{html.escape(title)} | Berita Dunia</title>
    <style>body {{ font-family: serif; }} nav li {{ display: inline; }}</style>
    <script>window.dataLayer = window.dataLayer || []; function track() {{ return "<p>no</p>"; }}</script>
  </head>
  <body>
    <header><a href="/">Berita Dunia</a> &middot; <a href="/login">Masuk</a></header>
    <nav><ul><li><a href="/politik">Politik</a></li><li><a href="/dunia">Dunia</a></li></ul></nav>
    <main>
      <article>
{chr(10).join(body)}
      </article>
      <aside><h3>Terpopuler</h3><ul><li>Harga minyak naik</li></ul></aside>
    </main>
    <footer><p>&copy; 2021 Berita Dunia. Hak cipta dilindungi.</p><form><input name="q"></form></footer>
  </body>
</html>
"""


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "fixtures", "shapes"))
    os.makedirs(out, exist_ok=True)
    for lang in ["id", "en"]:
        paras = paragraphs(lang)
        with open(os.path.join(out, f"{lang}.wrapped.txt"), "w", encoding="utf-8") as f:
            f.write(wrapped(paras))
        title = "Reykjavik" if lang == "en" else "Reykjavik"
        with open(os.path.join(out, f"{lang}.html"), "w", encoding="utf-8") as f:
            f.write(page(paras, lang, title))
        # The Word document: LibreOffice writes it from the article alone, headings as headings.
        with tempfile.TemporaryDirectory() as scratch:
            article = os.path.join(scratch, f"{lang}.html")
            with open(article, "w", encoding="utf-8") as f:
                body = "\n".join(
                    f"<h2>{html.escape(p)}</h2>" if is_heading(p) else f"<p>{html.escape(p)}</p>"
                    for p in paras)
                f.write(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>')
            subprocess.run(
                ["soffice", "--headless", f"-env:UserInstallation=file://{scratch}/profile",
                 "--convert-to", "docx:MS Word 2007 XML", "--outdir", scratch, article],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.copy(os.path.join(scratch, f"{lang}.docx"), os.path.join(out, f"{lang}.docx"))
    with open(os.path.join(EXAMPLE, "en.txt"), encoding="utf-8") as f:
        english = f.read()
    with open(os.path.join(out, "en.cp1252.txt"), "wb") as f:
        f.write(english.encode("cp1252"))


if __name__ == "__main__":
    main()
