#!/usr/bin/env bash
# Install (scripts/setup.sh) and run the whole test suite, slow tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test,eval
. .venv/bin/activate
python -m pytest -q -p no:cacheprovider tests
