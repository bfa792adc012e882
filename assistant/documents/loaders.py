"""Loading document files (txt/md/docx/pdf/html, any common Chinese encoding) as
normalised text, with a Chinese message for anything that cannot be read.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from pathlib import Path

from ..boundary import valid_unicode
from ..config import Limits
from ..schema import InputError

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
# Default of ASSISTANT_MAX_FILE_MB, kept for callers that size their own checks.
MAX_FILE_BYTES = 50 * 1024 * 1024
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)


def decode_bytes(data: bytes, name: str = "文本") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with or without BOM, truncated too),
    GB18030/GBK or whatever charset-normalizer recognises; refuse binary data with a
    Chinese message. Undecodable bytes of a recognised encoding become U+FFFD."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # A file cut in the middle of a character ends in half a code unit: replaced, not refused.
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:65536]:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{name} 看起来是二进制文件，不是文本，无法读取。")
        return text
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
    raise InputError(f"{name} 的编码无法识别（支持 UTF-8、UTF-16、GB18030/GBK 等）。请另存为 UTF-8 后重试。")


def _utf16_without_bom(data: bytes) -> str | None:
    """Text of UTF-16 LE/BE data without a byte-order mark, or None when the data is
    binary. The byte order is charset-normalizer's guess; when it has none (a file cut
    inside a surrogate pair), the side that holds the zero bytes of ASCII characters
    decides. Undecodable code units (a last odd byte, half a pair) become U+FFFD."""
    from charset_normalizer import from_bytes

    sample = data[: min(len(data), 65536) & ~1]
    best = from_bytes(sample).best()
    if best is not None and best.encoding.startswith("utf_16"):
        encoding = "utf-16-be" if best.encoding.endswith("be") else "utf-16-le"
    else:
        odd = sample[1::2].count(0)
        even = sample[0::2].count(0)
        if max(odd, even) < len(sample) // 100 or min(odd, even) * 9 > max(odd, even):
            return None
        encoding = "utf-16-le" if odd > even else "utf-16-be"
    text = data.decode(encoding, errors="replace")
    return text if _looks_like_text(text) else None


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\n\r\t\f")
    return bad / len(text) < 0.01


def normalise(text: str) -> str:
    """Unify line ends, drop zero-width and control characters, trim line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.translate(ZERO_WIDTH).replace("\u00a0", " ")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def load_text(path: str | Path) -> str:
    """Read a document file as normalised text; raises :class:`InputError` with a Chinese
    message. Sizes are checked before anything is unpacked or parsed (see
    :class:`assistant.config.Limits`)."""
    lim = Limits.load()
    p = Path(path)
    name = valid_unicode(p.name)  # a file name with non-UTF-8 bytes is shown with U+FFFD
    if not p.exists():
        raise InputError(f"文件不存在：{valid_unicode(str(p))}")
    if p.is_dir():
        raise InputError(f"这是一个文件夹，不是文件：{valid_unicode(str(p))}")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"不支持的文件类型“{valid_unicode(suffix) or '（无扩展名）'}”：{name}。支持：{'、'.join(SUPPORTED_SUFFIXES)}"
        )
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"文件为空：{name}")
    if size > lim.file_mb * 1024 * 1024:
        raise InputError(f"文件过大（{size / 1024 / 1024:.1f} MB）：{name}，上限为 {lim.file_mb} MB（ASSISTANT_MAX_FILE_MB）。")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取文件 {name}：{exc.strerror or exc}") from None
    if suffix in (".txt", ".md"):
        text = decode_bytes(data, name)
    elif suffix == ".docx":
        text = _docx_text(data, name, lim)
    elif suffix == ".pdf":
        text = _pdf_text(data, name, lim)
    else:
        text = _html_text(decode_bytes(data, name))
    check_length(text, name, lim)  # before normalising: that is per character too
    text = normalise(text)
    if not text.strip():
        raise InputError(f"文件中没有可读取的文字：{name}")
    return text


def check_length(text: str, name: str, lim: Limits | None = None) -> None:
    """Refuse a text too long to parse in bounded time, before it is parsed."""
    lim = lim or Limits.load()
    if len(text) > lim.document_chars:
        raise InputError(
            f"{name} 的文字过长（{len(text):,} 字），单个文档上限为 {lim.document_chars:,} 字"
            "（ASSISTANT_MAX_DOCUMENT_CHARS）。请拆分成几个文件后导入。"
        )


def _check_zip(data: bytes, name: str, lim: Limits) -> None:
    """Refuse a docx whose members would unpack to more than the limit, from the sizes its
    zip directory declares, before anything is unpacked (a zip bomb: a few hundred KB of
    ``document.xml`` that expands to gigabytes). Python's zipfile never inflates a member
    beyond its declared size, so the declared sizes bound the memory used."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise InputError(f"无法打开 Word 文件 {name}：文件已损坏或不是 .docx 格式。") from None
    if len(members) > lim.zip_members:
        raise InputError(f"Word 文件 {name} 内含 {len(members)} 个部件，超过上限 {lim.zip_members}（ASSISTANT_MAX_ZIP_MEMBERS），已拒绝。")
    total = sum(m.file_size for m in members)
    limit = lim.expanded_mb * 1024 * 1024
    if total > limit:
        biggest = max(members, key=lambda m: m.file_size)
        raise InputError(
            f"Word 文件 {name} 解压后过大（{total / 1024 / 1024:.0f} MB，其中 {valid_unicode(biggest.filename)} "
            f"{biggest.file_size / 1024 / 1024:.0f} MB），上限为 {lim.expanded_mb} MB（ASSISTANT_MAX_EXPANDED_MB）。"
            "文件可能是恶意构造的压缩包，已拒绝。"
        )


def _docx_text(data: bytes, name: str, lim: Limits) -> str:
    _check_zip(data, name, lim)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        blocks = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                blocks.append("\t".join(cell.text for cell in row.cells))
    except Exception as exc:  # python-docx and lxml raise many unrelated types for broken files
        raise InputError(f"无法打开 Word 文件 {name}：文件可能已损坏或不是 .docx 格式（{type(exc).__name__}）。") from None
    return "\n\n".join(blocks)


def _pdf_text(data: bytes, name: str, lim: Limits) -> str:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
    except Exception as exc:  # pypdf raises many types for truncated or encrypted files
        raise InputError(f"无法读取 PDF 文件 {name}：文件可能已损坏、被加密或不完整（{type(exc).__name__}）。") from None
    if count > lim.pdf_pages:
        raise InputError(f"PDF 文件 {name} 有 {count} 页，超过上限 {lim.pdf_pages} 页（ASSISTANT_MAX_PDF_PAGES）。请拆分后导入。")
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:
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


