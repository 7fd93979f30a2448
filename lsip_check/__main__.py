"""Run lsip-check as ``python -m lsip_check``."""

from lsip_check.cli import main

if __name__ == "__main__":
    main()
