"""Login: the ASSISTANT_AUTH accounts."""

from pathlib import Path

from ..schema import InputError

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

