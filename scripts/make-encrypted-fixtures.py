#!/usr/bin/env python3
"""Saves a password-protected Word 97 copy of a fixture with LibreOffice itself (through UNO), so the
encrypted .doc is what a word processor really writes: fixtures/bad/encrypted.doc. Password: wenfeng.
(LibreOffice 7.4 writes OOXML unencrypted whatever password it is given; scripts/make-encrypted-docx.mjs
builds the encrypted .docx container instead.)

Run with the system Python that LibreOffice's UNO bridge belongs to: /usr/bin/python3 scripts/make-encrypted-fixtures.py
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PIPE = "wenfeng-fixtures"


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "-env:UserInstallation=file:///tmp/wenfeng-lo-uno",
         f"--accept=pipe,name={PIPE};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={PIPE};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        source = os.path.join(ROOT, "fixtures/good/good-notice.docx")
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
        # OOXML takes the password as encryption data (ECMA-376 agile encryption); Word 97 as a plain password.
        ooxml = NamedValue()
        ooxml.Name, ooxml.Value = "OOXPassword", "wenfeng"
        encryption = (ooxml,)
        for name, filt, secret in (("encrypted.docx", "MS Word 2007 XML", prop("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue", encryption))),
                                   ("encrypted.doc", "MS Word 97", prop("Password", "wenfeng"))):
            out = os.path.join(ROOT, "fixtures/bad", name)
            args = (prop("FilterName", filt), secret, prop("Overwrite", True))
            uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(out), uno.Any("[]com.sun.star.beans.PropertyValue", args)))
            print("wrote", os.path.relpath(out, ROOT))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
