"""The 法治培训测验 tab: quiz settings checked, questions shown as widgets, graded, downloaded."""

import logging
import threading
from pathlib import Path

from .. import quiz as quizlib
from ..schema import AssistantError, Document, InputError
from .exports import TempFiles
from .render import GENERIC_ERROR, escape_text
from .work_points import selected_documents

log = logging.getLogger(__name__)

QUIZ_MAX_QUESTIONS = 50  # one page of questions; longer quizzes: python -m assistant quiz
QUIZ_TYPES = [("单选", "single"), ("多选", "multi"), ("判断", "tf"), ("填空", "blank")]
QUIZ_DOWNLOADS = (("docx", "Word"), ("csv", "CSV"), ("json", "JSON"))


def chapter_choices(document: Document) -> list[tuple[str, int]]:
    """(label, number) for the chapter picker: ``("三、健全依法决策机制", 3)``."""
    return [(c.ref, c.number) for c in document.chapters]


def _whole_number(value, what: str, example: str) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(f"请填写{what}，例如：{example}。")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{what}必须是整数，当前为：{value}。") from None
    if not number.is_integer():
        raise InputError(f"{what}必须是整数，当前为：{value}。")
    return int(number)


def make_quiz(document: Document | None, n, types, chapters, seed) -> list:
    """The quiz for the web form (题量, 题型 values, chapter numbers, 随机种子); an
    :class:`InputError` naming the bad value otherwise.

    >>> [q.type for q in make_quiz(doc, 3, ["single", "tf"], [], 7)]  # doctest: +SKIP
    ['single', 'single', 'tf']
    """
    if document is None or not document.items:
        raise InputError("语料中没有识别到条目（（一）或第一条），无法出题。")
    n = _whole_number(n, "题量", "10")
    if n <= 0:
        raise InputError(f"题量必须是正整数，当前为：{n}。")
    if n > QUIZ_MAX_QUESTIONS:
        raise InputError(
            f"网页测验一次最多 {QUIZ_MAX_QUESTIONS} 题，当前为：{n}。更多题目请用命令行生成 Word 试卷：python -m assistant quiz --n {n} -o quiz.docx"
        )
    if not types:
        raise InputError("请至少选择一种题型（单选、多选、判断、填空）。")
    seed = _whole_number(seed, "随机种子", "7")
    return quizlib.build_quiz(document, n=n, seed=seed, types=list(types), chapters=list(chapters or []) or None)


def quiz_title(document: Document) -> str:
    return f"《{document.title}》学法测试题"


def quiz_status(questions: list, document: Document) -> str:
    """The line under the form after a quiz was generated (escaped)."""
    text = f"已生成 {len(questions)} 道题（{quizlib.describe(questions)}）。作答后点击“提交”查看得分和解析；试卷可下载为 Word、CSV 或 JSON。"
    hints = quizlib.overlaps(questions, document)
    if hints:
        text += f"提示：有 {len(hints)} 对题目出自同一句原文，可能互相提示，减少题量可避免。"
    return escape_text(text)


def write_quiz_files(questions: list, temp: TempFiles, title: str) -> dict[str, Path]:
    """``quiz.docx``, ``quiz.csv`` (with BOM) and ``quiz.json`` in a folder named by the
    quiz's hash, so the downloads keep plain names and a quiz is written once; older
    files are pruned."""
    folder = temp.folder("quiz", title + "\n" + quizlib.to_json(questions))
    paths = {fmt: folder / f"quiz.{fmt}" for fmt, _ in QUIZ_DOWNLOADS}
    for fmt, path in paths.items():
        if not path.exists():
            # Written aside and renamed: two sessions may generate the same quiz at once.
            part = folder / f".{threading.get_ident()}.{path.name}"
            quizlib.save(questions, part, fmt, title)
            part.replace(path)
    temp.prune(keep=folder)
    return paths


def question_markdown(number: int, question) -> str:
    """``**3.** 判断题 <question text>``, the text escaped."""
    label = quizlib.TYPE_LABELS.get(question.type, question.type)
    return f'**{number}.** <span class="qa-qtype">{label}</span> {escape_text(question.question)}'


def answer_widget(question) -> str:
    """Which widget answers the question: ``radio`` (single, tf), ``check`` (multi), ``text`` (blank)."""
    return {"single": "radio", "tf": "radio", "multi": "check"}.get(question.type, "text")


def answer_choices(question) -> list[tuple[str, str]]:
    """(label, value) choices: ``("A. 一考核", "A")`` for options, 对/错 for true/false.
    Labels are plain text (gradio shows choices as text), so they are not escaped."""
    if question.type == "tf":
        return [(quizlib.TRUE, quizlib.TRUE), (quizlib.FALSE, quizlib.FALSE)]
    return [(f"{quizlib.LETTERS[i]}. {option}", quizlib.LETTERS[i]) for i, option in enumerate(question.options)]


def answer_sheet(questions: list, values) -> dict[str, object]:
    """The answer widgets' values, one per question in order -> ``{"q1": "B", "q2": ["A", "C"],
    "q3": "对", "q4": "…"}``; unanswered questions map to None, [] or ""."""
    sheet: dict[str, object] = {}
    for q, value in zip(questions, values):
        widget = answer_widget(q)
        sheet[q.id] = value if widget == "radio" else list(value or []) if widget == "check" else (value or "")
    return sheet


def correct_answer(question) -> str:
    """``C. （二十三）发挥专门监督作用``; ``A. 一考核；D. 一带动``; ``错``; the blank's words."""
    if question.type in ("single", "multi"):
        letters = quizlib.LETTERS
        return "；".join(f"{ch}. {question.options[letters.index(ch)]}" for ch in question.answer if ch in letters[: len(question.options)])
    return question.answer


def grade_markdown(questions: list, result: dict) -> tuple[str, list[str]]:
    """A :func:`assistant.quiz.grade` result -> the score line and, per question, right or
    wrong, the correct answer and the explanation quoting the original sentence (escaped)."""
    score = (
        f"**得分：{result['score']}/{result['total']}（{result['percent']:g}%）**　"
        f"正确 {result['correct']} 题，错误 {result['wrong']} 题，未作答 {result['missing']} 题。"
    )
    feedback = []
    for q, r in zip(questions, result["results"]):
        if r["status"] == "correct":
            head = '<span class="qa-right">✔ 回答正确</span>'
        elif r["status"] == "wrong":
            head = f'<span class="qa-wrong">✘ 回答错误</span>　你的答案：{escape_text(r["given"])}'
        else:
            head = '<span class="qa-missing">未作答</span>'
        feedback.append(f"{head}<br>正确答案：{escape_text(correct_answer(q))}<br>解析：{escape_text(q.explanation)}")
    return score, feedback



def quiz_document(documents: list[Document], doc_id: str | None) -> Document | None:
    """The document a quiz is drawn from: the selected one; for "全部文档" the first with tasks."""
    docs = selected_documents(documents, doc_id)
    return next((d for d in docs if d.items), docs[0] if docs else None)


def quiz_intro(document: Document | None) -> str:
    if document is None or not document.items:
        return "所选文档中没有识别到工作条目（（一）或第一条），无法出题。请在上方选择一份通知。"
    return f"从《{escape_text(document.title)}》原文出题，每题附答案和原文出处。选好题量、题型和章节后点击“生成测验”。"


def quiz_tab(gr, documents_now, selected, changed, temp: TempFiles) -> None:
    """The tab; it follows the document chosen in ``selected`` (redrawn on ``changed``)."""
    with gr.Tab("法治培训测验", id="quiz"):
        intro = gr.Markdown(elem_id="qa-quiz-intro")
        with gr.Row():
            size = gr.Number(label="题量", value=10, precision=0, info=f"1–{QUIZ_MAX_QUESTIONS} 题", elem_id="qa-quiz-n")
            seed = gr.Number(label="随机种子", value=7, precision=0, info="相同种子生成相同试卷", elem_id="qa-quiz-seed")
            types = gr.CheckboxGroup(QUIZ_TYPES, value=[v for _, v in QUIZ_TYPES], label="题型", elem_id="qa-quiz-types")
        chapters = gr.Dropdown(
            [], value=[], multiselect=True, label="章节（不选则从全文出题）", elem_id="qa-quiz-chapters"
        )

        def follow(doc_id):
            document = quiz_document(documents_now(), doc_id)
            choices = chapter_choices(document) if document is not None else []
            return quiz_intro(document), gr.Dropdown(choices=choices, value=[], visible=bool(choices))

        gr.on([*changed, selected.change], follow, [selected], [intro, chapters], api_visibility="private", show_progress="hidden")
        with gr.Row():
            generate = gr.Button("生成测验", variant="primary", elem_id="qa-quiz-generate")
            downloads = [
                gr.DownloadButton(f"下载 {label}", visible=False, size="sm", elem_id=f"qa-quiz-{fmt}") for fmt, label in QUIZ_DOWNLOADS
            ]
        status = gr.Markdown(elem_id="qa-quiz-status")
        # (generation number, questions): the number changes on every generation, so that
        # generating the same quiz again still gives a fresh, unanswered form.
        quiz = gr.State((0, []))

        def error(message: str) -> str:
            gr.Warning(message, title="提示")
            return f'<span class="qa-error">{escape_text(message)}</span>'

        def on_generate(n, chosen_types, chosen_chapters, seed_value, current, doc_id):
            document = quiz_document(documents_now(), doc_id)
            try:
                questions = make_quiz(document, n, chosen_types, chosen_chapters, seed_value)
                files = write_quiz_files(questions, temp, quiz_title(document))
            except AssistantError as exc:
                return [gr.skip(), error(str(exc) or GENERIC_ERROR)] + [gr.skip()] * len(downloads)
            except Exception:
                log.exception("quiz generation failed (n=%r, types=%r, chapters=%r, seed=%r)", n, chosen_types, chosen_chapters, seed_value)
                return [gr.skip(), error(GENERIC_ERROR)] + [gr.skip()] * len(downloads)
            number = (current or (0, []))[0] + 1
            downloaded = [gr.update(value=str(files[fmt]), visible=True) for fmt, _ in QUIZ_DOWNLOADS]
            return [(number, [q.to_dict() for q in questions]), quiz_status(questions, document)] + downloaded

        generate.click(
            on_generate,
            [size, types, chapters, seed, quiz, selected],
            [quiz, status, *downloads],
            api_name="quiz",
            api_visibility="undocumented",
            show_progress="minimal",
        )

        # The questions are rendered per session, after generation: a fixed pool of hidden
        # widgets would be part of every session's state, and gradio builds that state for
        # each new visitor (50 slots made every new chat session ~20 ms slower).
        @gr.render(inputs=[quiz], triggers=[quiz.change], show_progress="hidden")
        def show_quiz(current):
            number, data = current or (0, [])
            questions = [quizlib.QuizQuestion.from_dict(d) for d in data]
            if not questions:
                return
            # A new quiz must show empty answers: gradio leaves out a re-rendered component's
            # None values (so the page kept the last quiz's choice) unless it has a key, so
            # every widget has a key with the generation number and an explicit empty value.
            answers, feedbacks = [], []
            for i, q in enumerate(questions):
                widget, choices = answer_widget(q), answer_choices(q)
                key = f"quiz{number}-q{i + 1}"
                with gr.Group(elem_id=f"qa-quiz-q{i + 1}", elem_classes="qa-quiz-question", key=key):
                    gr.Markdown(question_markdown(i + 1, q), padding=True, key=f"{key}-text")
                    if widget == "radio":
                        answers.append(gr.Radio(choices, value=None, show_label=False, key=f"{key}-answer"))
                    elif widget == "check":
                        answers.append(gr.CheckboxGroup(choices, value=[], show_label=False, key=f"{key}-answer"))
                    else:
                        answers.append(gr.Textbox("", show_label=False, placeholder="请填写答案", max_length=100, key=f"{key}-answer"))
                    feedbacks.append(gr.Markdown("", visible=False, padding=True, elem_classes="qa-quiz-feedback", key=f"{key}-feedback"))
            submit = gr.Button("提交", variant="primary", elem_id="qa-quiz-submit", key=f"quiz{number}-submit")
            score = gr.Markdown("", elem_id="qa-quiz-score", key=f"quiz{number}-score")

            def on_submit(*values):
                try:
                    sheet = answer_sheet(questions, values)
                    line, feedback = grade_markdown(questions, quizlib.grade(questions, sheet))
                except AssistantError as exc:
                    return [error(str(exc) or GENERIC_ERROR)] + [gr.skip()] * len(feedbacks)
                except Exception:
                    log.exception("quiz grading failed")
                    return [error(GENERIC_ERROR)] + [gr.skip()] * len(feedbacks)
                return [line] + [gr.update(value=f, visible=True) for f in feedback]

            submit.click(on_submit, answers, [score, *feedbacks], api_visibility="private", show_progress="minimal")

