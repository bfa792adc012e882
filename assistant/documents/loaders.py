"""Loading document files (txt/md/docx/pdf/html, any common Chinese encoding) as
normalised text, with a Chinese message for anything that cannot be read.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
from pathlib import Path

from ..schema import InputError

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
MAX_FILE_BYTES = 50 * 1024 * 1024
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)


def decode_bytes(data: bytes, name: str = "文本") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or whatever
    charset-normalizer recognises; refuse binary data with a Chinese message."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name} 看起来是二进制文件，不是文本，无法读取。")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Chinese government text that is not UTF-8 is almost always GB18030/GBK.
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _looks_like_text(text):
            return text
    raise InputError(f"{name} 的编码无法识别（支持 UTF-8、GB18030/GBK 等）。请另存为 UTF-8 后重试。")


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f")
    return bad / len(text) < 0.01


def normalise(text: str) -> str:
    """Unify line ends, drop zero-width and control characters, trim line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.translate(ZERO_WIDTH).replace("\u00a0", " ")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def load_text(path: str | Path) -> str:
    """Read a document file as normalised text; raises :class:`InputError` with a Chinese message."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"文件不存在：{p}")
    if p.is_dir():
        raise InputError(f"这是一个文件夹，不是文件：{p}")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"不支持的文件类型“{suffix or '（无扩展名）'}”：{p.name}。支持：{'、'.join(SUPPORTED_SUFFIXES)}"
        )
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"文件为空：{p.name}")
    if size > MAX_FILE_BYTES:
        raise InputError(f"文件过大（{size // 1024 // 1024} MB）：{p.name}，上限为 {MAX_FILE_BYTES // 1024 // 1024} MB。")
    data = p.read_bytes()
    if suffix in (".txt", ".md"):
        text = decode_bytes(data, p.name)
    elif suffix == ".docx":
        text = _docx_text(data, p.name)
    elif suffix == ".pdf":
        text = _pdf_text(data, p.name)
    else:
        text = _html_text(decode_bytes(data, p.name))
    text = normalise(text)
    if not text.strip():
        raise InputError(f"文件中没有可读取的文字：{p.name}")
    return text


def _docx_text(data: bytes, name: str) -> str:
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for broken files
        raise InputError(f"无法打开 Word 文件 {name}：文件可能已损坏或不是 .docx 格式（{type(exc).__name__}）。") from None
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.append("\t".join(cell.text for cell in row.cells))
    return "\n\n".join(blocks)


def _pdf_text(data: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many types for truncated or encrypted files
        raise InputError(f"无法读取 PDF 文件 {name}：文件可能已损坏、被加密或不完整（{type(exc).__name__}）。") from None
    # A page end is a paragraph break that may split a sentence: repair_blocks joins it back.
    return "\n\n".join(pages)


def _html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for tag in soup.find_all(["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr"]):
        tag.insert_before("\n\n")
    return soup.get_text()



def corpus_files(corpus_dir: str | Path) -> list[Path]:
    """Document files of a corpus folder, sorted; README files describe the folder, not policy."""
    root = Path(corpus_dir)
    if not root.is_dir():
        raise InputError(f"语料目录不存在：{root}")
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and p.stem.lower() != "readme"
    )


