"""Typos read as the documents' words before a question is analysed."""

from assistant.index import fold
from assistant.index.lexical import Tokenizer
from assistant.retrieval.typos import correct

CORPUS = fold(
    "政务部门应当对本部门的政务数据资源目录进行动态管理，有下列情形之一的，应当及时更新：依据发生变化的。"
    "政务数据资源目录更新后，应当报送。全面推行政府法律顾问制度，2017年12月底前普遍建立政府法律顾问制度。"
    "法律顾问参与重大决策。"
)


def test_a_typo_that_sounds_like_a_documents_word_is_read_as_it():
    tok = Tokenizer()
    assert correct("政务数椐目录啥情况下要跟新？", CORPUS, tok) == "政务数据目录啥情况下要更新?"
    assert correct("政府法律故问制度什么时候要全部建立？", CORPUS, tok).startswith("政府法律顾问制度")


def test_the_words_of_asking_and_correct_questions_are_left_alone():
    tok = Tokenizer()
    for q in ("这个目录是哪个部门管的？", "第二条讲的啥", "一共几项", "政务数据目录什么时候更新？"):
        assert correct(q, CORPUS, tok) == q


def test_a_units_short_form_is_no_typo():
    tok = Tokenizer()
    corpus = fold("市政务服务和数据管理局负责推进数据共享。数据目录每年更新。")
    assert correct("市政数局要负责哪些工作？", corpus, tok) == "市政数局要负责哪些工作？"


def test_long_pasted_text_is_left_as_written():
    tok = Tokenizer()
    text = "政务数椐目录要跟新。" * 40  # over MAX_CHARS
    assert correct(text, CORPUS, tok) == text
