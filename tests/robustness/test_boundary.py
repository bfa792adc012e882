"""The input boundary, numbers of any size, encodings, zip bombs, unique ids, reports cut
by the parser, and the command line on closed pipes and deep JSON (no model loaded)."""

import json
import os
import resource
import subprocess
import sys
import time

import pytest
from robust_inputs import LICENCE, LONG_PREFIX, NOTICE, REPORTS, ROOT, _notice, _report, zip_bomb_docx

from assistant.boundary import check_doc_name, check_history, check_question, file_label, loads_json, valid_unicode
from assistant.config import Limits
from assistant.documents import decode_bytes, load_text
from assistant.library import Entry, Library, merge
from assistant.schema import InputError, cn_number, parse_cn_number


@pytest.mark.parametrize(
    "n, text",
    [(7, "七"), (13, "十三"), (110, "一百一十"), (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (1890, "一千八百九十"),
     (9999, "九千九百九十九"), (10000, "一万"), (10010, "一万零一十"), (100000, "十万"), (123456, "十二万三千四百五十六"),
     (120000000, "一亿二千万"), (10**16, "10000000000000000"), (0, "0")],
)
def test_numbers_of_any_size(n, text):
    assert cn_number(n) == text
    assert parse_cn_number(text) == n


def test_parse_cn_number_edges():
    assert [parse_cn_number(t) for t in ("两百", "二〇一七", "１２", "²", "九" * 5000, "9" * 5000, "", "第")] == [200, 2017, 12, None, None, None, None, None]


def test_limits_from_the_environment(monkeypatch):
    monkeypatch.setenv("ASSISTANT_MAX_QUESTION_CHARS", "10")
    assert Limits.load().question_chars == 10
    with pytest.raises(InputError, match="问题过长（11 字），请控制在 10 字以内"):
        check_question("一" * 11)
    monkeypatch.setenv("ASSISTANT_MAX_PDF_PAGES", "many")
    with pytest.raises(InputError, match="ASSISTANT_MAX_PDF_PAGES 应为正整数，当前为：'many'"):
        Limits.load()


def test_questions():
    assert check_question(" 规范性文件\x00\x07什么时候\x1b[31m录入？\ud800 ") == "规范性文件什么时候录入？\ufffd"
    assert check_question("\ud83d\ude00") == "😀"  # a pair written as two code points
    assert check_question("\x00\x1b[0m\x07") == "\x00\x1b[0m\x07"  # answered as a question without words
    for bad, message in ((None, "问题必须是文字。"), (" \u3000\n", "问题为空"), ("啊" * 2001, "问题过长（2001 字），请控制在 2000 字以内")):
        with pytest.raises(InputError) as err:
            check_question(bad)
        assert str(err.value).startswith(message)


def test_histories_are_checked_without_recursion():
    deep: object = "x"
    for _ in range(200_000):
        deep = [deep]
    with pytest.raises(InputError, match="对话历史第 1 条格式不对"):
        check_history(deep)
    with pytest.raises(InputError, match="对话历史格式不正确"):
        check_history({"role": "user", "content": "x"})
    assert check_history([["问\x07", None], {"role": "assistant", "content": "答\udc80"}]) == [
        {"role": "user", "content": "问"}, {"role": "assistant", "content": "答\ufffd"}]
    assert len(check_history([{"role": "user", "content": "x"}] * 1000)) == 50
    with pytest.raises(InputError, match="对话历史过长（100001 字），上限为 100000 字"):
        check_history([{"role": "user", "content": "x" * 100_001}])


def test_deep_json_gives_a_message():
    with pytest.raises(InputError, match="嵌套层数过多（超过 32 层）"):
        loads_json("[" * 100_000 + "]" * 100_000, "对话历史文件")
    assert loads_json('[{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}]', "x") == [{"a": "[" * 41}]  # brackets in strings do not count


def test_names():
    assert check_doc_name(None) is None and check_doc_name(" \x00 ") is None
    assert check_doc_name("2019年\ud800报告") == "2019年\ufffd报告"
    assert file_label(b"/tmp/a\xff.txt") == ("/tmp/a\ufffd.txt", "文件名中有无法识别的字符（不是 UTF-8），已显示为“\ufffd”：a\ufffd.txt")
    assert file_label("/tmp/a.txt") == ("/tmp/a.txt", "")
    assert valid_unicode("a\udfffb\ud83d\ude00") == "a\ufffdb😀"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom_and_truncated(encoding):
    text = NOTICE.read_text(encoding="utf-8")[:2000]
    data = text.encode(encoding)
    assert decode_bytes(data) == text
    assert decode_bytes(data[:-1]) == text[:-1] + "\ufffd"
    cut_pair = (text + "𠀀").encode(encoding)[:-2]
    assert decode_bytes(cut_pair) == text + "\ufffd"


def test_zip_bomb_is_refused_before_reading(tmp_path):
    bomb = tmp_path / "bomb.docx"
    zip_bomb_docx(bomb, expanded_mb=200)
    assert bomb.stat().st_size < 1024 * 1024
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    with pytest.raises(InputError) as err:
        load_text(bomb)
    cpu = time.process_time() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert str(err.value) == ("Word 文件 bomb.docx 解压后过大（201 MB，其中 word/document.xml 200 MB），上限为 100 MB（ASSISTANT_MAX_EXPANDED_MB）。"
                              "文件可能是恶意构造的压缩包，已拒绝。")
    assert cpu <= 5 and grown_mb <= 200, (cpu, grown_mb)


def _ids(entries):
    return [e.doc_id for e in entries]


def test_ids_are_unique_by_construction(tmp_path):
    lib = Library(tmp_path / "index")
    first, second = tmp_path / f"{LONG_PREFIX}（第一批）.txt", tmp_path / f"{LONG_PREFIX}（第二批）.txt"
    first.write_text(_notice("第一批", "执法监督"), encoding="utf-8")
    second.write_text(_notice("第二批", "复议应诉"), encoding="utf-8")
    base = LONG_PREFIX[:60].lower()
    entries, notes, errors = merge([], lib.read([first]), set())
    assert _ids(entries) == [base] and notes == ["已添加：第一批"] and errors == []
    entries, notes, _ = merge(entries, lib.read([second]), set())
    assert _ids(entries) == [base, base + "-2"]
    assert notes == [f"已添加：第二批（编号“{base}”已被《第一批》使用，本文档的编号为“{base}-2”）"]
    # the same files again: nothing changes, each keeps its id
    again, notes, _ = merge(entries, lib.read([second, first]), set())
    assert again == entries and notes == ["未变化：第二批", "未变化：第一批"]
    # new content under the second name replaces the second document, not the first
    second.write_text(_notice("第二批", "行政复议"), encoding="utf-8")
    changed, notes, _ = merge(entries, lib.read([second]), set())
    assert notes == ["已更新：第二批"] and _ids(changed) == [base, base + "-2"] and changed[0] == entries[0]
    # two such names in one batch
    both, notes, _ = merge([], lib.read([first, second]), set())
    assert _ids(both) == [base, base + "-2"] and notes[1].startswith("已添加：第二批（编号")


def test_entries_written_before_names_were_recorded_still_match(tmp_path):
    lib = Library(tmp_path / "index")
    rows = REPORTS.read_text(encoding="utf-8").splitlines()
    (tmp_path / "r.jsonl").write_text(rows[2], encoding="utf-8")
    entries, _, _ = merge([], lib.read([tmp_path / "r.jsonl"]), set())
    legacy = [Entry(**{k: v for k, v in e.to_dict().items() if k != "name"}) for e in entries]
    again, notes, _ = merge(legacy, lib.read([tmp_path / "r.jsonl"]), set())
    assert notes == [f"未变化：{legacy[0].title}"] and again == legacy


def test_text_the_report_parser_leaves_out_is_said(tmp_path):
    lib = Library(tmp_path / "index")
    two = tmp_path / "two.txt"
    two.write_text(_report("2033年测试政府工作报告", "去年增长5%。") + LICENCE + "\nPublic domain\n" + _report("2034年测试政府工作报告", "去年粮食增产。" * 40), encoding="utf-8")
    only_licence = tmp_path / "one.txt"
    only_licence.write_text(_report("2035年测试政府工作报告", "去年增长6%。") + LICENCE + "\nPublic domain\n", encoding="utf-8")
    _, notes, _ = merge([], lib.read([two, only_licence]), set())
    assert notes == [
        "已添加：2033年测试政府工作报告（注意：有 7 行（398 字）未导入，自“本作品是中华人民共和国的法律、法规，依据《中华人民共和国著作…”起；"
        "若其中有正文（例如几篇报告合在一个文件里），请删去版权说明或把文件拆开后重新导入）",
        "已添加：2035年测试政府工作报告",  # the licence note alone is left out as documented
    ]


def test_bad_bytes_in_a_file_name_are_stored_readably(tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"notice-\xff.txt")
    with open(name, "wb") as fh:
        fh.write(_notice("2024年水利工作要点", "河道治理").encode())
    lib = Library(tmp_path / "index")
    entries, notes, _ = merge([], lib.read([os.fsdecode(name)]), set())
    assert notes == ["已添加：2024年水利工作要点（文件名中有无法识别的字符（不是 UTF-8），已显示为“\ufffd”：notice-\ufffd.txt）"]
    assert entries[0].doc_id == "notice" and entries[0].source.endswith("notice-\ufffd.txt")
    lib.save(entries)  # no UnicodeEncodeError
    assert lib.entries() == entries


def _cli(*args, stdin_closed_stdout=False):
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    if not stdin_closed_stdout:
        return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    proc = subprocess.Popen([sys.executable, "-m", "assistant", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.close()  # the reader is gone before the first line is written, as with `| head` on long output
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    return proc.returncode, err


@pytest.fixture(scope="module")
def quiz_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quiz")
    quiz, answers, deep = folder / "quiz.json", folder / "answers.json", folder / "deep.json"
    assert _cli("quiz", "--n", "150", "--seed", "7", "-o", str(quiz)).returncode == 0
    answers.write_text(json.dumps({"q1": "A"}), encoding="utf-8")
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    return quiz, answers, deep


def test_grade_into_a_closed_pipe_is_quiet(quiz_files):
    quiz, answers, _ = quiz_files
    assert _cli("grade", str(quiz), str(answers), stdin_closed_stdout=True) == (141, "")
    assert _cli("quiz", "--n", "150", "--format", "md", stdin_closed_stdout=True) == (141, "")


def test_deep_json_files_on_the_command_line(quiz_files):
    quiz, answers, deep = quiz_files
    for args, what in ((("grade", str(deep), str(answers)), "试卷文件"), (("grade", str(quiz), str(deep)), "答题文件"),
                       (("ask", "它由谁负责？", "--history", str(deep)), "对话历史文件")):
        proc = _cli(*args)
        assert (proc.returncode, proc.stdout) == (1, "")
        assert proc.stderr == f"错误：{what}嵌套层数过多（超过 32 层），不是预期的格式：{deep}\n"
