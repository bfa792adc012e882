"""≥ 1,000 generated hostile questions through the real Assistant: no exception but the
project's own user-facing errors, no internal error hidden in an answer, and at most 1 s
of CPU time per question (slow: the real model embeds each question). Hostile histories
and document names run on the fake embedder and the in-memory store (``fake_qa``)."""

import logging
import time
import traceback

import pytest
from robust_inputs import hostile_histories, hostile_questions

from assistant.schema import Answer, AssistantError
from assistant.service import INTERNAL_ERROR

CPU_SECONDS = 1.0


def _run(call):
    """(result, problem): the problem is "" when the call behaved."""
    try:
        return call(), ""
    except AssistantError as exc:
        if str(exc) == INTERNAL_ERROR:
            return None, "internal error (see the logged traceback)"
        return exc, ""
    except Exception:
        return None, traceback.format_exc(limit=-4)


def test_generator_is_fixed_and_covers_the_reported_cases():
    questions = hostile_questions()
    assert len(questions) == 1000
    assert questions == hostile_questions()
    for q in ("（2024）", "预算(2024)是多少", "郑政文(2017)60号是什么文件？", "第（1000）项是什么？", "第9999项", "第（九千九百九十九）项是什么？", ""):
        assert q in questions
    assert any(len(q) >= 100_000 for q in questions)
    assert any("\ud800" in q for q in questions)
    assert any("<script>" in q for q in questions)


@pytest.mark.slow
def test_hostile_questions(qa, caplog):
    caplog.set_level(logging.ERROR, logger="assistant")
    problems, slow, messages = [], [], 0
    for n, question in enumerate(hostile_questions()):
        started = time.process_time()
        answer, problem = _run(lambda: qa.ask(question))
        spent = time.process_time() - started
        if problem:
            problems.append((n, question[:80], problem))
            continue
        if not isinstance(answer, Answer):
            problems.append((n, question[:80], f"not an Answer: {answer!r}"))
            continue
        if answer.text == INTERNAL_ERROR:
            problems.append((n, question[:80], "internal error hidden in the answer"))
        messages += answer.intent == "error"
        assert isinstance(answer.text, str) and answer.text, question[:80]
        if spent > CPU_SECONDS:
            slow.append((n, question[:80], round(spent, 2)))
        if n % 10 == 0:  # retrieve too: only user-facing errors may come out
            _, problem = _run(lambda: qa.retrieve(question, k=3))
            if problem:
                problems.append((n, question[:80], "retrieve: " + problem))
    logged = [r.getMessage() + "\n" + (r.exc_text or "") for r in caplog.records]
    assert problems == [] and logged == [], (problems[:10], logged[:3])
    assert slow == []
    # Every question the boundary refuses (empty, over the length limit) is answered with
    # its message, and no other question is.
    from assistant.boundary import check_question
    from assistant.schema import InputError

    def refused_at_boundary(q):
        try:
            check_question(q)
        except InputError:
            return True
        return False

    expected = sum(1 for q in hostile_questions() if refused_at_boundary(q))
    assert expected >= 10 and messages == expected


@pytest.mark.parametrize("n", range(len(hostile_histories())))
def test_hostile_histories(fake_qa, n):
    history = hostile_histories()[n]
    answer = fake_qa.ask("那这项工作由谁负责？", history=history)
    assert isinstance(answer, Answer) and answer.text != INTERNAL_ERROR
    result, problem = _run(lambda: fake_qa.retrieve("那这项工作由谁负责？", history=history))
    assert problem == ""


def test_history_messages(fake_qa):
    deep = hostile_histories()[0]
    assert fake_qa.ask("它由谁负责？", history=deep).text == "对话历史第 1 条格式不对：应为 {\"role\": …, \"content\": …}，不能是 list 或多层嵌套的列表。"
    huge = fake_qa.ask("它由谁负责？", history=[{"role": "user", "content": "啊" * 200_000}])
    assert huge.text == "对话历史过长（200000 字），上限为 100000 字。请清空对话后重新提问。"
    # only the last 50 turns are read: a long but well-formed history is used, not refused
    long = fake_qa.ask("那这项工作由谁负责？", history=[{"role": "user", "content": "规范性文件什么时候录入数据库？"}] * 10_000)
    assert long.intent != "error"


@pytest.mark.parametrize(
    "doc, expected",
    [
        ("\ud800", "没有找到文档“\ufffd”。可用 python -m assistant docs 查看文档列表。"),
        ("文" * 201, "文档名过长（201 字），上限为 200 字。可用 python -m assistant docs 查看文档编号。"),
        (12, "文档名必须是文字，当前为：int。"),
    ],
)
def test_hostile_document_names(fake_qa, doc, expected):
    answer = fake_qa.ask("规范性文件什么时候前要录入数据库？", doc=doc)
    assert (answer.text, answer.refused, answer.intent) == (expected, True, "error")
