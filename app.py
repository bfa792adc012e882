"""Start the web chat of 政策问答助手: ``python app.py [--host 127.0.0.1] [--port 7860]``.

Only parses arguments and launches; the app lives in the package :mod:`assistant.web`.
Set ``ASSISTANT_AUTH="user:password"`` (or ``@/path/to/file``) to require a login.
"""

import sys

from assistant.web import launch

if __name__ == "__main__":
    sys.exit(launch())
