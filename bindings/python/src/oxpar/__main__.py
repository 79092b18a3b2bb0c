"""`python -m oxpar info`: prints what the `oxpar info` command prints."""

import argparse
import sys
from typing import List, Optional


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m oxpar", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("info", help="version, backends, devices, thread budget and where it came from")
    parser.parse_args(argv)
    from ._config import info_text

    text = info_text()
    print(text, end="")
    # Like the command: an invalid OXPAR_NUM_THREADS is reported and fails.
    return 1 if "\nthreads: unknown" in text else 0


if __name__ == "__main__":
    sys.exit(main())
