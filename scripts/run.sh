#!/usr/bin/env bash
# Install (scripts/setup.sh) and start the web chat on http://127.0.0.1:7860 with the bundled corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
exec python app.py "$@"
