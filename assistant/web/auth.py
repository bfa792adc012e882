"""Access: the ASSISTANT_AUTH accounts, login attempts limited per user and address, who
may change the library (ASSISTANT_ADMINS), and the security headers on every response."""

import contextvars
import hmac
import math
import threading
import time
from collections import defaultdict, deque
from pathlib import Path

from ..schema import InputError

LOGIN_LIMIT = 30  # wrong passwords per user, and per address, within LOGIN_WINDOW seconds
LOGIN_WINDOW = 60.0
# gradio needs inline scripts and styles and evaluates the events' js= functions; what
# the policy adds is that nothing is loaded from or sent to another origin, and that no
# other site may frame the page (clickjacking).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'; "
    "worker-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
)
_CLIENT_ADDRESS: contextvars.ContextVar[str] = contextvars.ContextVar("client_address", default="")

def parse_auth(value: str | None) -> list[tuple[str, str]] | None:
    """``ASSISTANT_AUTH`` -> gradio ``auth`` list; None when login is off.

    ``"alice:pw1,bob:pw2"``, or ``"@/path/file"`` with one ``user:password`` per line
    (blank lines and ``#`` comments skipped; a password may contain ``:``, and in a file
    also ``,``).

    >>> parse_auth("alice:s3cret, bob:pa:ss")
    [('alice', 's3cret'), ('bob', 'pa:ss')]
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.startswith("@"):
        path = Path(value[1:].strip()).expanduser()
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise InputError(f"无法读取登录账号文件 {path}：{exc.strerror or exc}。请检查 ASSISTANT_AUTH=@文件路径。") from None
        entries = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.strip().startswith("#")]
        where = f"账号文件 {path} 第 {{}} 行"
    else:
        entries = [(n, part.strip()) for n, part in enumerate(value.split(","), 1) if part.strip()]
        where = "ASSISTANT_AUTH 第 {} 组"
    pairs = []
    for n, entry in entries:
        user, sep, password = entry.partition(":")
        user = user.strip()
        if not sep or not user or not password:
            raise InputError(f"{where.format(n)} 格式不正确，应为“用户名:密码”。")
        pairs.append((user, password))
    if not pairs:
        raise InputError("ASSISTANT_AUTH 没有给出任何“用户名:密码”。不需要登录时请不要设置它。")
    return pairs



class LoginLimiter:
    """At most ``limit`` wrong passwords per user and per address within ``window`` seconds;
    beyond that a login is refused, without checking the password, until the oldest
    failure leaves the window.

    >>> limiter = LoginLimiter(limit=1, window=60, clock=lambda: 0.0)
    >>> limiter.failed("alice", "10.0.0.1"); limiter.wait("alice", "10.0.0.2")
    60.0
    """

    def __init__(self, limit: int = LOGIN_LIMIT, window: float = LOGIN_WINDOW, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[tuple[str, str], deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def _keys(self, user: str, address: str) -> list[tuple[str, str]]:
        return [("user", user)] + ([("address", address)] if address else [])

    def wait(self, user: str, address: str) -> float:
        """Seconds until this user, from this address, may try again (0: now)."""
        now = self.clock()
        longest = 0.0
        with self._lock:
            for key in self._keys(user, address):
                times = self._failures.get(key)
                if not times:
                    continue
                while times and times[0] <= now - self.window:
                    times.popleft()
                if not times:
                    del self._failures[key]
                elif len(times) >= self.limit:
                    longest = max(longest, times[0] + self.window - now)
        return longest

    def failed(self, user: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key in self._keys(user, address):
                self._failures[key].append(now)


class Login:
    """gradio's ``auth`` callable: the accounts, checked behind the :class:`LoginLimiter`.
    A refused attempt raises HTTP 429 with the wait in Chinese."""

    def __init__(self, accounts: list[tuple[str, str]], limiter: LoginLimiter | None = None):
        self.accounts = [(u, p.encode("utf-8")) for u, p in accounts]
        self.limiter = limiter or LoginLimiter()
        self.checked = 0  # passwords compared (the tests count them)

    def __call__(self, username: str, password: str) -> bool:
        address = _CLIENT_ADDRESS.get()
        wait = self.limiter.wait(username, address)
        if wait > 0:
            from fastapi import HTTPException

            raise HTTPException(status_code=429, detail=f"登录失败次数过多，请 {math.ceil(wait)} 秒后再试。")
        self.checked += 1
        given = password.encode("utf-8")
        ok = False
        for user, secret in self.accounts:
            ok |= hmac.compare_digest(user.encode("utf-8"), username.encode("utf-8")) & hmac.compare_digest(secret, given)
        if not ok:
            self.limiter.failed(username, address)
        return ok


def may_change_library(auth_on: bool, admins, username: str | None) -> bool:
    """Without login everyone at the (local) page may; with login only ``ASSISTANT_ADMINS``."""
    return not auth_on or (bool(username) and username in set(admins))


class Guard:
    """ASGI middleware: the security headers on every HTTP response, and the client's
    address for the login limiter (behind a reverse proxy, the proxy's)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        client = scope.get("client")
        token = _CLIENT_ADDRESS.set(client[0] if client else "")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [(n, v) for n, v in SECURITY_HEADERS if n not in names]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            _CLIENT_ADDRESS.reset(token)
