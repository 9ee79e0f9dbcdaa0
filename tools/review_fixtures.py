#!/usr/bin/python3
"""Makes the review fixtures of tests/fixtures/review/ as a reviewer would: padan's workbooks
opened in LibreOffice Calc, edited cell by cell, and saved by LibreOffice (a different xlsx
writer than padan's own), plus the glossary saved as CSV with semicolons and a byte-order mark.

Usage: tools/review_fixtures.py PADAN OUT_DIR
Needs LibreOffice and its Python bridge (Debian: libreoffice-calc python3-uno); run it with
the system Python (/usr/bin/python3), which has the bridge.
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
# Relative to the repository, so the workbooks record the example's files as a user names them.
EXAMPLE = os.path.join("tests", "fixtures", "reykjavik")


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(profile):
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--norestore", "--nologo",
        f"-env:UserInstallation=file://{profile}",
        "--accept=socket,host=127.0.0.1,port=2083;urp;",
    ])
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
    for _ in range(60):
        try:
            ctx = resolver.resolve(
                "uno:socket,host=127.0.0.1,port=2083;urp;StarOffice.ComponentContext")
            desktop = ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", ctx)
            return office, desktop
        except Exception:
            time.sleep(0.5)
    office.kill()
    sys.exit("review_fixtures: LibreOffice did not start")


def open_doc(desktop, path):
    return desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))


def save(doc, path, filter_name, options=None):
    props = [prop("FilterName", filter_name), prop("Overwrite", True)]
    if options:
        props.append(prop("FilterOptions", options))
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), tuple(props))


def column_of(sheet, name):
    for c in range(20):
        if sheet.getCellByPosition(c, 0).getString() == name:
            return c
    sys.exit(f"review_fixtures: no column {name!r}")


def edit_alignment(desktop, source, target):
    doc = open_doc(desktop, source)
    sheet = doc.Sheets.getByIndex(1)
    status = column_of(sheet, "status")
    en = column_of(sheet, "English (en-GB)")
    cell = lambda c, r: sheet.getCellByPosition(c, r)
    # Row 2: the reviewer corrects the English text.
    cell(en, 2).setString(cell(en, 2).getString().replace("Wednesday", "Wed."))
    cell(status, 2).setString("ok")
    # Row 5: a wrong pair, rejected.
    cell(status, 5).setString("reject")
    # Row 9's English holds two sentences: the second moves to the start of row 10.
    lines = cell(en, 9).getString().split("\n")
    cell(en, 9).setString(lines[0])
    cell(en, 10).setString("\n".join(lines[1:] + [cell(en, 10).getString()]))
    cell(status, 10).setString("OK")
    save(doc, target, "Calc MS Excel 2007 XML")
    doc.close(True)


def edit_glossary(desktop, source, target_xlsx, target_csv):
    doc = open_doc(desktop, source)
    sheet = doc.Sheets.getByIndex(0)
    cell = lambda c, r: sheet.getCellByPosition(c, r)
    src, tgt = column_of(sheet, "source_term"), column_of(sheet, "target_term")
    status = column_of(sheet, "status")
    rows = {}
    for r in range(1, 400):
        term = cell(src, r).getString()
        if not term:
            last = r
            break
        rows.setdefault((term, cell(tgt, r).getString()), r)
    approve = rows[("Gedung Putih", "White House")]
    cell(status, approve).setString("approved")
    reject = rows[("hari Senin", "Monday")]
    cell(status, reject).setString("Ditolak")
    edited = rows[("juru bicara", "spokesperson")]
    cell(tgt, edited).setString("spokesman")
    cell(status, edited).setString("disetujui")
    # An added row and a column of the reviewer's own.
    cell(src, last).setString("Departemen Luar Negeri AS")
    cell(tgt, last).setString("US State Department")
    extra = sheet.getColumns().getCount()
    for c in range(30):
        if not cell(c, 0).getString():
            extra = c
            break
    cell(extra, 0).setString("reviewer")
    cell(extra, approve).setString("ana: house style")
    save(doc, target_xlsx, "Calc MS Excel 2007 XML")
    # Semicolons, double quotes, UTF-8 (76), first line is the header.
    save(doc, target_csv + ".nobom", "Text - txt - csv (StarCalc)", "59,34,76,1")
    doc.close(True)
    with open(target_csv + ".nobom", "rb") as f:
        data = f.read()
    os.remove(target_csv + ".nobom")
    with open(target_csv, "wb") as f:
        f.write(b"\xef\xbb\xbf" + data)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    padan, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        review = os.path.join(scratch, "review.xlsx")
        glossary = os.path.join(scratch, "glossary.xlsx")
        id_txt, en_txt = os.path.join(EXAMPLE, "id.txt"), os.path.join(EXAMPLE, "en.txt")
        subprocess.run([padan, "align", id_txt, en_txt, "--target-lang", "en-GB",
                        "-o", review], check=True)
        subprocess.run([padan, "glossary", id_txt, en_txt, "-o", glossary], check=True)
        office, desktop = connect(os.path.join(scratch, "profile"))
        try:
            edit_alignment(desktop, review, os.path.join(out, "review.libreoffice.xlsx"))
            edit_glossary(desktop, glossary, os.path.join(out, "glossary.libreoffice.xlsx"),
                          os.path.join(out, "glossary.semicolon-bom.csv"))
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
            office.wait(timeout=30)


if __name__ == "__main__":
    main()
