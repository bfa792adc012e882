"""Question analysis: what a question asks (its kind, the parts and numbers it names,
follow-ups, refusal cues), as far as rules that name general patterns can tell."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

from ..index import MAX_QUERY_CHARS, fold
from ..schema import Document, InputError, parse_cn_number
from .messages import asking_part
from .years import cited_years, years_in, years_of

CN = "一二三四五六七八九十百零〇两"

# ---------------------------------------------------------------- resources


@functools.lru_cache(maxsize=None)
def _lines(name: str) -> tuple[str, ...]:
    text = resources.files("assistant").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tuple(line for line in (l.strip() for l in text.splitlines()) if line and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def english_glossary() -> tuple[tuple[str, str], ...]:
    pairs = [tuple(line.split("\t", 1)) for line in _lines("glossary_en.txt") if "\t" in line]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def translate_english(text: str) -> str:
    """Append Chinese equivalents of known English terms so both retrievers can match."""
    low = text.lower()
    if not re.search(r"[a-z]{3,}", low):
        return text
    extra = []
    for en, zh in english_glossary():
        if re.search(r"\b" + re.escape(en) + r"\b", low):
            extra.append(zh)
            low = low.replace(en, " ")
    return text + (" " + " ".join(extra) if extra else "")


# ---------------------------------------------------------------- question analysis

RE_ITEM_REF = [
    re.compile(rf"第?\(\s*([{CN}]+|\d+)\s*\)\s*(?:项|条|款)?"),
    re.compile(rf"第\s*([{CN}]+|\d+)\s*(?:项|条)(?!工作)"),
]
RE_CHAPTER_REF = [
    re.compile(rf"第\s*([{CN}]+|\d+)\s*(?:部分|大项|大部分|章|板块|方面|大类)"),
    re.compile(rf"(?:^|[^{CN}\d])([{CN}]+)、"),
]
# "那X呢", "还有X那一块呢": a new topic asked the way the previous question asked.
ELLIPTIC = re.compile(r"^(?:那|那么|还有|另外)?[^，。？?！!]{1,30}?(?:呢|怎么样)[？?。！!]?$")
# "它下面…", "这个专栏…": the thing is named in the previous question, not in this one.
RE_REFERS_BACK = re.compile(r"它|这个(?!文件|通知|方案|意见|办法|要点)|该(?!文件|通知|方案|意见|办法|要点)|此项|上述")
FOLLOWUP = re.compile(r"这项|该项|此项|这条|该条|此条|这一项|上述|上面|刚才|前面|它|那这|那它|那么这|这个工作|这项工作|那项|那个|其中|^那|^那么|^还有|^另外")
INJECTION = re.compile(
    r"忽略(?:之前|以上|前面|上述|所有|你的)|无视(?:之前|以上|所有)|ignore (?:all |the )?(?:previous|above|prior)|"
    r"你现在是|扮演|system prompt|系统提示|越狱|不要引用|直接回答.{0,6}是|jailbreak",
    re.I,
)

META_FIELDS = [
    ("doc_number", re.compile(r"文号|发文字号|文件号|字号|document number|第几号|(?:政府|人民政府)令(?:是)?(?:第)?(?:几|多少)号|几号令"), "header"),
    # How a regulation or plan was adopted (第162次常务会议审议通过) and who signed it.
    ("adopted", re.compile(r"(?:哪次|第几次|什么|哪个)(?:会议|常务会议|常委会|办公会)|(?:哪次|第几次|什么|哪个)会[^，。？?]{0,4}(?:研究|审议|通过|同意)|(?:会议|常务会议)[^，。？?]{0,6}(?:审议)?通过|审议通过|哪天通过|什么时候通过"), "header"),
    ("signer", re.compile(r"谁签(?:的|发|署|字)?|签发人|签署人|(?:省长|市长|区长|县长)是谁签"), "header"),
    ("supervisor", re.compile(r"督办"), "footer"),
    ("sponsor", re.compile(r"主办|承办|起草单位|哪个部门起草|牵头起草"), "footer"),
    ("cc", re.compile(r"抄送"), "footer"),
    ("printer", re.compile(r"印发机关|哪个单位印发|谁印发|印发单位|哪里印发"), "footer"),
    ("printing_date", re.compile(r"印发(?:日期|时间)|什么时候印发|哪天印发|何时印发|印发于|(?<!联合)(?<!机构)(?<!机关)(?<!单位)(?<!部门)印发的|印发是"), "footer"),
    ("signing_date", re.compile(r"成文日期|成文时间|落款(?!(?:是|为|的|写的)?(?:哪个|哪家|什么|啥)?(?:单位|部门|机关|谁))|签发|发布日期|发布时间|(?:什么|啥)时候发布|哪天发(?:布|文)?(?:的)?(?![\u4e00-\u9fff])|发文日期|发文时间|什么时候发的|什么时候出台|何时发布|出台时间|(?:啥时候|哪天|何时)(?:发|印发|出)的|落款日期"), "header"),
    ("recipients", re.compile(r"主送|发给(?:谁|哪些)|下发给|发送给|发给了|哪些单位执行|印发给"), "header"),
    ("issuer", re.compile(r"发文机关|落款(?:是|为|的|写的)?(?:哪个|哪家|什么|啥)?(?:单位|部门|机关|谁)|发文单位|哪个单位发|谁发的|哪个部门发的|发布机关|谁发布|由谁发|哪个政府发|谁制定的|制定机关|哪个(?:机关|机构)(?:发|印发|制定)|谁转发|(?:哪个|哪些|哪家)(?:单位|部门|机关)转发|转发(?:单位|机关)|(?:哪些|哪几个?|哪几家|几个|几家|哪个|哪家|哪[两二三]个|哪[两二三]家)(?:部门|单位|机关)?[^，。？?]{0,4}联合(?:发|印发|发布|制定|出台)|(?:哪些|哪几个|哪几家|几个|哪个)(?:部门|单位|机关)[^，。？?]{0,4}(?:联合)?(?:发|印发|发布|制定|出台)的"), "header"),
    ("basis", re.compile(r"制定依据|(?:根据|依据|结合|依照|参照)了?(?:国家|省里|市里|上级|中央)?的?(?:哪些|哪个|哪份|哪一份|哪几个|哪几份|什么)[^，。？?]{0,6}?(?:定的|制定|出台)|依据了?(?:什么|哪些|哪个|哪)|(?:为了|为|是)?(?:贯彻)?落实(?:哪个|哪份|哪些|什么)(?:上级)?(?:文件|精神|意见|通知|规定)?(?:制定|出台|定)的?|根据[^，。？?]{0,4}?(?:什么|哪些|哪个|哪份)(?:上级)?(?:文件|精神)?制定|根据(?:哪份|哪一份|哪个)(?:文件|精神)?(?:定的|出台的|制定的)|根据哪[两几二三四]?(?:个|份|些)?(?:上级|上位)?(?:文件|精神)|(?:照着|依照|按照|参照)[^，。？?]{0,4}(?:哪个|哪份|哪些|什么)(?:文件|方案|通知)|为什么制定|出台依据|上位文件|依据的(?:文件|是|那|这)|根据的是"), "preamble"),
    ("contact", re.compile(r"联系(?:科室|处室|部门|人|电话|方式)|咨询电话|找谁咨询|向谁咨询|咨询(?:哪个|哪家)(?:部门|科室|单位)"), ""),
    ("title", re.compile(r"(?<!大)标题|全称|文件名|名称是"), "header"),
    # When a document takes effect and for how long (本办法自2024年4月1日起实施，有效期5年).
    ("effective", re.compile(r"(?:施行|实施|生效|执行)(?:日期|时间)|(?:哪天|什么时候|何时|啥时候|从哪天|哪一天)(?:开始|起)?(?:施行|实施|生效|执行)|有效期"), "body"),
]
# Canonical words of each field, matched on pinyin when the question has a homophone typo (文好 -> 文号).
META_SOUNDS = {
    "doc_number": ("文号",), "supervisor": ("督办",), "sponsor": ("主办",), "cc": ("抄送",),
    "printing_date": ("印发日期", "印发时间"), "signing_date": ("成文日期", "落款"), "recipients": ("主送",),
    "issuer": ("发文机关",), "basis": ("制定依据",),
}
# A town or street named in a question, and characters that make the words before 镇 a
# kind of place rather than a name (各乡镇, 城镇, 重点镇, 特色小镇).
RE_TOWN = re.compile(r"([\u4e00-\u9fff]{2})(?:镇|街道)(?=的|里|那|这|，|,|是|有|怎么|也|在|要|出台)")
TOWN_NOT_NAME = "各本全该城乡村集小中点色制心个些每区县市省我你他们街镇和与及或"
# A date asked with nothing else: 哪天的？ 什么时候的？
RE_BARE_DATE_ASKED = re.compile(r"(?:那|又|是)?(?:哪一?天|什么时候|啥时候|几月几号|哪年哪月|什么日期|啥日子)(?:的|发的|出的|定的)?(?:呢|啊)?[？?。]?")
PREAMBLE_HINT = re.compile(r"开头|开篇|前言|序言|导语|总体要求|指导思想|为什么要?制定|制定目的")
# What the cover notice asks of the units it is sent to ("请认真贯彻执行"): the header.
COVER_REQUEST = re.compile(r"(?:收文单位|收到(?:通知|文件)的单位|主送单位|下发对象|你们).{0,8}(?:要求|怎么做|做什么|干什么|怎么办)|通知(?:正文|本身)")
# What a list of deadlines asks for (哪些工作有截止时间): every deadline of the notice.
DEADLINE_LIST = re.compile(r"(?:哪些|哪几|列出|列举|列一下|所有工作|全部工作|各项工作|都有).{0,12}(?:截止|期限|时限|时间节点|完成时间|时间要求|deadline)|(?:截止|期限|时限|时间节点|完成时间|deadline).{0,8}(?:哪些|哪几|都有|分别)")

INTENTS = [
    ("which_chapter", re.compile(r"属于哪|在哪(?:个|一)?(?:部分|大项|章|板块)|放在哪(?:个|一)?(?:部分|章|大项)|哪(?:个|一)(?:大)?部分|哪个大项|哪个板块|哪一章")),
    ("count", re.compile(r"多少项|几项|多少条|几条|几个部分|几部分|几大部分|多少部分|多少个部分|(?:几|多少)个?(?:阶段|步骤|环节|板块)|(?:一共|总共|共有|共分)(?![^，。？?]{0,10}(?:多长|多久|时间|天|工作日|小时|年|个月|钱|元|万|资金|预算|经费))|how many (?:work )?(?:items|chapters|parts|tasks)")),
    # A duration or a frequency (处方最长能开多久, 多久考评一次) is neither a deadline nor
    # a count: the sentence that states it answers.
    ("content", re.compile(r"(?:最长|最短|最多|最少)[^，。？?]{0,8}(?:多久|多长|几天|几个月|几年)|(?:多久|多长时间)[^，。？?]{0,8}一(?:次|回|轮)|满多久|多久才|多长时间才|有效期")),
    ("deadline", re.compile(r"什么时候|何时|哪一?年(?:开始|起|实现|完成|前|达到|为止|开工|动工|启动|建成|投用|投产|上线)|(?:在|到)哪一?年(?!的)|截止|期限|时限|时间|时间节点|节点(?:是|在|定在)?(?:什么|哪|何)|最晚|之前|以前|前完成|底前|年底|月底|哪一?天|几月|几个月(?!的[\u4e00-\u9fff])|哪个月|日期|deadline|when|\bby\b|啥时候|多久|截至|(?<!第)几号(?:前|之前|以前|报|交|截止|完成|开始|开工|启动|结束|到期)|哪几天|哪些天|哪几日|几号到几号")),
    ("quantity", re.compile(r"(?<!哪)几天|几个月的[\u4e00-\u9fff]|几(?:米|平方米|公里|千米|立方米|吨|倍|成|个点|个百分点)|多大(?:容量|面积|规模|比例|功率)|百分之几|(?<!哪)几(?:所|家|名|位|座|栋|辆|台|套|间|批|户|张|份|处)|多少天|几个?工作日|多少个?工作日|几个?小时|多少个?小时|几次|多少次|几期|多少期|不少于几|至少几|次数|期数|频次|多少场|几场|how many|几回|量化|多少名|多少人|多少个|(?<!哪)几个|多少家|多少")),
    ("unit", re.compile(r"谁|配合单位|配合部门|参与单位|协办单位|(?<!选)(?<!选了)(?<!选出)(?<!评)(?<!评了)(?<!评出)哪(?:些|几|个|一|家)[家个]?(?:单位|部门)|什么部门|什么单位|责任单位|责任主体|实施主体|主体是谁|哪个主体|牵头|负责|由哪|哪一级|哪级|哪些机关|哪个机关|哪个机构|哪些机构|who|which department|responsible")),
    ("list", re.compile(r"哪些|哪几|列出|列举|列一下|所有|全部工作|清单|都有|分别是")),
]
OUT_OF_SCOPE = [
    ("chitchat", re.compile(r"^(?:你好|您好|hi|hello|嗨|在吗|谢谢|多谢|感谢|再见|拜拜|早上好|晚上好|下午好)[!！。.～~\s]*$|你是谁|你叫什么|讲个笑话|笑话|(?:今天|明天|周末)(?:的)?天气|天气(?:怎么样|如何|好吗)|星座|吃什么|唱首歌|聊聊天|心情"
                            r"|你(?:觉得|认为)[^，。？?]{0,12}(?:哪|好|值得|推荐)|推荐一下", re.I)),
    # A request to write something (帮我写一篇…稿), not a user saying what they are writing.
    ("creative", re.compile(r"(?:帮我|给我|替我|请|麻烦|你)(?:写|拟|起草|撰写|编写|生成)|(?:写|拟|起草|撰写|编写)(?:一篇|一份|一段|一首|一个|篇|份|首)|作诗|翻译成|编个|画一", re.I)),
    # A person asked (叫什么名字 of a 项目, 平台 or 附件 asks the name of a thing: only a word
    # for a person before it makes it a person's).
    ("person", re.compile(r"(?:主任|市长|局长|书记|处长|负责人|领导|部长|厅长|县长|区长|老师|专家|律师|组长|副组长|成员|评委|嘉宾|委员(?!会))[^，。？?]{0,4}(?:是谁|有谁|请了谁|叫什么|姓什么|的名字|是哪位|有哪些人)|哪位(?:老师|专家|领导)|姓名|(?:人|者|员|长|任|记|官|师|代表)[^，。？?]{0,2}叫什么名字|是哪位|哪一位"
                          r"|(?:报告|讲话)(?:是)?(?:由)?谁(?:作|做|宣读|发表)|谁(?:作|做|宣读|发表)的(?:报告|讲话)|报告人是谁")),
    ("contact", re.compile(r"(?<!装)(?<!安装)电话(?!宽带|线路|费)|手机号|联系方式|邮箱|网址|网站地址|链接(?:是|在哪|地址|多少|发)|(?:什么|啥)链接|(?:办公|联系|通讯|邮寄|详细)地址|地址(?:是|在)?(?:哪|什么|多少)|哪条街|门牌")),
    # Where something takes place or is handled (在哪儿办, 地点在哪): a document of events
    # states its venues; one without any says so.
    ("place", re.compile(r"在哪(?:儿|里)?(?:办|举办|举行|开展|召开|办理)|(?:举办|活动|办理)?地点(?:在|是)?(?:哪|什么)|位置在哪")),
    ("money", re.compile(r"多少钱|(?:总)?投资(?:是|有|了)?多少|总投资|(?:资金|预算|经费)[^，。？?]{0,6}(?:盘子|规模)(?:有)?多大|多少[\u4e00-\u9fff]{0,4}(?:资金|经费|预算|补贴|补助|津贴|奖补|奖励金|补偿|租金)|(?:津贴|租金)[^，。？?]{0,8}多少|多少[^，。？?]{0,2}费|(?:手续费|服务费|收费标准)|经费(?:是)?多少|预算(?:是)?多少|金额|多少万|(?<!\d)万元(?:多少|是多少)|资金(?:是)?多少|工资|奖金|补贴(?:是)?多少|费用(?:是)?多少|罚款(?:是)?多少|报酬|薪酬|待遇|起征点|税率(?:是|为)?多少|多少(?:的)?税率")),
]

RE_QUOTED = re.compile(r"[“\"「『][^”\"」』]{1,20}[”\"」』]")
# One heading number in quotes (“五、”, 「（三）」) still names that part.
RE_ONE_MARKER = re.compile(r"[一二三四五六七八九十]{1,3}、?|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、]?|第[一二三四五六七八九十\d]{1,4}[部分章条项]{1,2}")


def without_quoted_names(text: str) -> str:
    """``text`` with terms in quotes blanked out, offsets kept: “一、三、四”应急救援框架 is a
    name, not numbers of parts; one quoted heading number (“五、”) stays."""
    return RE_QUOTED.sub(lambda m: m.group(0) if RE_ONE_MARKER.fullmatch(m.group(0)[1:-1].strip()) else "　" * len(m.group(0)), text)


# A question about a document (那份老文件, 哪个通知, 文号): cited documents' years count.
RE_DOCUMENT_ASKED = re.compile(r"文件|通知|办法|意见|方案|规定|文号|发文")


# Words of a chat and what documents of the genre write for them.
COLLOQUIAL_TERMS = (
    (re.compile(r"不能|不可以|不许|不准|不让"), "不得 禁止"),
    (re.compile(r"钱[^，。？?]{0,4}(?:从哪|哪来|哪儿|谁出|怎么出|谁掏)|谁(?:来)?(?:出钱|掏钱|买单)|出钱"), "经费 资金"),
    (re.compile(r"弄完|搞完|干完|搞定|弄好|办完"), "完成"),
    (re.compile(r"门槛|起码|最起码"), "不小于 不低于 不少于 以上"),
    (re.compile(r"封顶|顶格"), "最高 不超过"),
    (re.compile(r"挑头|领头|带头"), "牵头"),
)


# When something is issued (什么时候出台, 何时发布): the document's own date, unless the
# question names something else that is to be issued.
RE_RELEASED_WHEN = re.compile(r"(?:什么时候|啥时候|何时|哪天)(?:要|能|才|应当|必须)?(?:出台|发布|印发|签发|出)|(?:出台|发布)时间")
# Words that name the document itself, or ask after it, rather than a topic.
RE_SELF_WORDS = re.compile(r"这个|这份|该|本|此|那个|文件|通知|方案|意见|办法|要点|计划|规定|细则|措施|政策|要求|请问|问一下|一下|是|的|了|呢|吗|，|,|\s")


def _names_a_topic(before: str) -> bool:
    """Whether the words before 什么时候出台 name something besides the document."""
    return len(RE_SELF_WORDS.sub("", before)) >= 4


@dataclass(frozen=True)
class Query:
    """What a question asks, as far as rules can tell."""

    text: str
    search_text: str
    intent: str = "content"
    items: tuple[int, ...] = ()
    chapters: tuple[int, ...] = ()
    parts: tuple[str, ...] = ()
    meta_field: str = ""
    followup: bool = False
    injection: bool = False
    out_of_scope: str = ""
    other_year: str = ""
    # A document the question names that the library does not hold (2016年…分工方案).
    missing_document: str = ""
    other_place: str = ""
    missing_items: tuple[int, ...] = ()
    dates: tuple[tuple[str, str], ...] = ()
    history_items: tuple[int, ...] = field(default=(), compare=False)


# Terminal escape sequences (colour codes pasted from a console): their tails ("[31m")
# are printable and would otherwise be read as words.
RE_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
# HTML/XML tags (closed, or cut off at the end of the question), script and style
# bodies, entities and Markdown marks. A tag starts with a letter, / or !, so
# "<规范性文件>" keeps its words.
RE_MARKUP = re.compile(
    r"<(script|style)[^>]*>.*?</\1\s*>|<[a-z!/?][^<>\u4e00-\u9fff]{0,200}(?:>|$)|&(?:[a-z]{2,8}|#\d{1,6});|[`*_#>]{1,3}",
    re.S | re.I,
)


def out_of_scope_kind(text: str) -> str:
    """The kind of question a policy document may not answer (chitchat, writing, a
    person, contacts, money), or "". The composer refuses it only when the document has
    no such content."""
    folded = fold(text)
    for name, pattern in OUT_OF_SCOPE:
        m = pattern.search(folded)
        if m is None:
            continue
        if name == "creative" and not re.match(r"帮我|给我|替我|请|麻烦|你", m.group(0)) and RE_LATER_QUESTION.search(folded[m.end():]):
            # "我们要起草一份落实材料……想问一下：文件要求建设什么": the writing is the asker's own
            # work, told as context; the question comes after it.
            continue
        return name
    return ""


# A question asked after the words before it: a sentence of its own that asks.
RE_LATER_QUESTION = re.compile(r"[。，,；;：:！!][^。]*?(?:想问|请问|问一下|问问|什么|哪些|哪个|哪几|多少|几[个项条天年月]|吗[？?]|[？?])")


def clean_question(question) -> str:
    """Validate and tidy a question; raises InputError with a Chinese message."""
    if question is None or not isinstance(question, str):
        raise InputError("问题必须是文字。")
    if not question.strip():
        raise InputError("问题为空，请输入要咨询的内容，例如：规范性文件什么时候前要录入数据库？")
    # Control characters alone leave an empty text: analyse() then finds no words and the
    # answer is a refusal, not an input error.
    question = RE_ANSI.sub("", question)
    text = "".join(ch for ch in question if ch in "\n\t" or ch.isprintable())
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
    return text


def _refs(patterns, text: str) -> list[int]:
    out = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            n = parse_cn_number(m.group(1))
            if n and n not in out:
                out.append(n)
    return out


def items_in_text(text: str, doc: Document | None = None) -> list[int]:
    """Item numbers named in a text (an earlier answer, say): （七）, 第（七）项, 第七条."""
    folded = fold(text)
    found = _refs(RE_ITEM_REF, folded)
    if doc is not None:
        found = [n for n in found if doc.item(n) and doc.item(n).style in ("item", "article")]
        # Items named the way answers name them (「title」 after a label, or the ref).
        for it in doc.items:
            if it.number not in found and it.title and len(it.title) >= 4 and (f"「{fold(it.title)}」" in folded or fold(it.ref) in folded):
                found.append(it.number)
    return found


def items_like(text: str, doc: Document) -> list[int]:
    """The item whose words an earlier turn shares most (at least six word pairs, and
    clearly more than the next item)."""
    q = bigrams(fold(text))
    scored = sorted(((len(q & bigrams(fold(it.title + it.text))), it.number) for it in doc.items), reverse=True)
    if not scored or scored[0][0] < 6 or (len(scored) > 1 and scored[0][0] < scored[1][0] + 2):
        return []
    return [scored[0][1]]


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", text[i : i + 2])}


def chapter_by_title(text: str, doc: Document | None) -> list[int]:
    """A chapter named by its topic (政务公开这一部分, 保障机制那一部分) or position (最后一部分)."""
    if doc is None or not doc.chapters:
        return []
    if re.search(r"最后(?:一|1)?(?:个)?(?:部分|大项|章|板块)", text):
        return [doc.chapters[-1].number]
    if not re.search(r"部分|那块|这块|板块|大项|章节|方面", text):
        return []
    q = bigrams(text)
    best, best_score = None, 0.0
    for ch in doc.chapters:
        t = bigrams(fold(ch.title))
        overlap = len(q & t)
        score = overlap / (len(t) or 1) + (0.34 if overlap >= 3 else 0)
        if score > best_score:
            best, best_score = ch.number, score
    return [best] if best is not None and best_score >= 0.34 else []


def _meta_by_sound(text: str) -> str:
    from ..index import pinyin

    sound = pinyin(re.sub(r"[^\u4e00-\u9fff]", "", text))
    for name, words in META_SOUNDS.items():
        if any(pinyin(w) in sound for w in words):
            return name
    return ""


def analyse(question: str, history: list[dict] | None = None, doc: Document | None = None) -> Query:
    """Intent, explicit item/chapter references, document parts, follow-up and refusal cues."""
    from ..documents.facts import deadlines as find_deadlines

    text = clean_question(question)
    # Markup in a question is noise for search (it is shown as text, never run, by the front ends).
    folded = asking_part(fold(RE_MARKUP.sub(" ", text)))
    if not re.search(r"[^\W_]", folded):
        # Only markup, emoji or punctuation: nothing to search for, and no follow-up either
        # ("😀" after a question about item 7 is not a question about item 7). An empty
        # search text matches no word of the corpus, so the composer answers "not found".
        return Query(text=text, search_text="")
    injection = bool(INJECTION.search(folded))
    work = folded
    if injection:
        # Facts asserted by an injected instruction ("截止时间是2019年") never steer the answer.
        work = INJECTION.sub(" ", work)
        work = re.sub(r"(?:是|为|改成|改为|说成)\s*\d{4}\s*年?(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?", " ", work)
    search_text = translate_english(work)
    # "举几个例子" asks for the things the rest of the question names (有哪些); its words name
    # no topic.
    search_text = RE_EXAMPLES_ASKED.sub("有哪些", search_text)
    sfold = fold(search_text)

    unquoted = without_quoted_names(sfold)
    items = _refs(RE_ITEM_REF, unquoted)
    chapters = [] if items else _refs(RE_CHAPTER_REF, unquoted)
    missing = []
    if doc is not None:
        missing = [n for n in items if not doc.item(n)]
        items = [n for n in items if doc.item(n)]
        chapters = [n for n in chapters if doc.chapter(n)]

    intent = intent_of(asking_clause(sfold))
    elliptic = ELLIPTIC.match(sfold) if intent == "content" else None
    if elliptic:
        # "那企业级平台呢？" after "…平台最多补多少？": the same question of another thing.
        last_user = next((t["content"] for t in reversed(_valid_history(history)) if t["role"] == "user"), "")
        intent = intent_of(fold(clean_question(last_user))) if last_user.strip() else intent
    if intent == "count" and re.search(r"几次|多少次|几期|多少期", sfold):
        intent = "quantity"
    if intent == "count" and RE_COUNTED_THING.search(sfold) and not RE_COUNTED_PARTS.search(sfold):
        # "一共有多少种商品", "共有多少家企业": a figure the text states, not a count of its parts.
        intent = "quantity"

    meta_field, parts = "", []
    # "X2023年印发的…实施方案里，自来水普及率要达到多少": the words naming the document
    # (印发, 2023年) ask nothing of it.
    lead = RE_DOCUMENT_LEAD.match(sfold)
    asked_of = sfold[lead.end():] if lead and len(re.findall(r"[\u4e00-\u9fff]", sfold[lead.end():])) >= 4 else sfold
    if intent != "which_chapter":
        for name, pattern, part in META_FIELDS:
            if pattern.search(asked_of):
                meta_field, parts = name, [part] if part else []
                break
        basis = next((f for f in META_FIELDS if f[0] == "basis"), None)
        if meta_field == "doc_number" and basis is not None and basis[1].search(asked_of):
            # "依据国家哪一份文件制定的？给我文号": the number of the basis, not the document's own.
            meta_field, parts = "basis", [basis[2]]
        if not meta_field and not items and len(sfold) <= 20:
            meta_field = _meta_by_sound(sfold)
            parts = [next(p for n, _, p in META_FIELDS if n == meta_field)] if meta_field else []
    if not meta_field and not items and RE_BARE_DATE_ASKED.fullmatch(sfold):
        # "是谁发的？哪天的？": a bare date asked right after a question about the document
        # (who issued it, its 文号) is the document's date.
        last_user = next((t["content"] for t in reversed(_valid_history(history)) if t["role"] == "user"), "")
        earlier = fold(last_user)
        if any(pattern.search(earlier) for name, pattern, _ in META_FIELDS if name in ("issuer", "doc_number", "recipients", "title")):
            meta_field, parts = "signing_date", ["header"]
    if not parts and PREAMBLE_HINT.search(sfold):
        parts = ["preamble"]
    if meta_field == "title" and re.search(r"部分|章", sfold):
        meta_field, parts = "", []
    if meta_field in ("signing_date", "issuer") and doc is not None:
        # "入户卡是在什么时候签发的", "急需工种目录是哪个部门牵头制定的": a thing of the
        # document's named before the words that would ask after the document itself.
        pattern = next(p for n, p, _ in META_FIELDS if n == meta_field)
        asked = pattern.search(asked_of)
        if asked is not None and names_other_document(asked_of[: asked.start()], doc):
            intent = "deadline" if meta_field == "signing_date" else "unit"
            meta_field, parts = "", []
    released = RE_RELEASED_WHEN.search(sfold)
    if meta_field == "signing_date" and released and _names_a_topic(sfold[: released.start()]):
        # "公共资源交易目录要求什么时候出台": a task's output asked after, not the document.
        meta_field, parts = "", []
        intent = "deadline"
    if COVER_REQUEST.search(sfold) and not items:
        intent, meta_field, parts = "content", "", ["header"]
    if re.search(r"各(?:个)?部分|每(?:一)?个?部分|大标题|章节标题|部分.{0,4}标题|几个(?:大的?)?部分|几部分|几大部分|几大块|几个(?:大的?)?板块|几个?大的?方面", sfold) and not items:
        # Answered from the chapter titles, which the answer cites.
        intent, meta_field, parts = "count", "", ["chapters"]
    if meta_field in ("basis", "doc_number") and not re.search(r"(?:依据|根据)的", sfold) and names_other_document(sfold, doc):
        # "审计全覆盖依据什么文件", "河南省那个实施方案的文号": about a document the notice
        # cites, not the notice's own 文号 or preamble; similarity finds where it is cited.
        # ("依据的那个《纲要》" is the notice's own basis: the preamble stays.)
        parts = []
    if meta_field in ("basis", "doc_number") and re.search(r"(?:引用|援引|提到|涉及)(?:了|的)?.{0,6}(?:哪些|哪几|多少|几)|(?:哪些|哪几).{0,8}(?:引用|援引)", sfold):
        # Every document the notice cites, the basis in the preamble first.
        parts = ["preamble"]
    if not chapters and not items and intent != "which_chapter":
        chapters = chapter_by_title(sfold, doc)
        if chapters and intent in ("quantity", "unit", "deadline"):
            # "安全保障方面，要推动多少家企业…": the part's topic narrows a question about
            # one fact; it is not a question about the part.
            chapters = []

    if meta_field and not items and not chapters:
        intent = "meta"
    if items and intent in ("content", "list"):
        intent = "item"
    if not chapters and not items and intent != "which_chapter" and intent != "count":
        pass
    if chapters and intent in ("content", "list", "count", "quantity", "meta", "unit"):
        intent = "chapter"

    out_of_scope = out_of_scope_kind(sfold)
    if out_of_scope == "place":
        # "在哪里办": a document of events states its venues on 地点 lines.
        search_text = f"{search_text} 地点"
    # Chat words for what documents write otherwise (不能 -> 不得, 钱从哪儿出 -> 经费).
    formal = [words for rx, words in COLLOQUIAL_TERMS if rx.search(sfold) and not any(w in sfold for w in words.split())]
    if formal:
        search_text = f"{search_text} {' '.join(formal)}"

    history_items: list[int] = []
    turns = _valid_history(history)
    for turn in reversed(turns):
        history_items = items_in_text(turn["content"], doc)
        if history_items:
            break
    if not history_items and turns and doc is not None:
        # An earlier answer that names no item by its number: the item it quotes most.
        history_items = items_like(" ".join(t["content"] for t in turns[-2:]), doc)
    followup = bool(history_items) and not items and not chapters and (
        bool(FOLLOWUP.search(sfold)) or len(re.sub(r"\W", "", sfold)) <= 8
    ) and not _other_topic(FOLLOWUP.sub(" ", sfold), doc, history_items)

    if intent == "which_chapter":
        # The answer names the chapter (cited from the chapter titles) and lists its items:
        # the item's chapter when the item is known, else the titles passage.
        known = items or (history_items if followup else [])
        if doc is not None and known and not chapters and doc.item(known[0]) and doc.chapter(doc.item(known[0]).chapter):
            chapters = [doc.item(known[0]).chapter]
        parts = ["chapters"]

    # "它下面分了几个小方面": short, with no topic of its own but the thing named before.
    refers_back = bool(turns) and bool(RE_REFERS_BACK.search(sfold)) and len(re.sub(r"\W", "", sfold)) <= 12
    if followup or refers_back:
        # "它由谁负责？" has no topic of its own: rank sentences with the earlier question too.
        last_user = next((t["content"] for t in reversed(_valid_history(history)) if t["role"] == "user"), "")
        search_text = f"{search_text} {clean_question(last_user) if last_user.strip() else ''}".strip()

    years = years_in(sfold)
    doc_years = years_of(doc)
    if RE_DOCUMENT_ASKED.search(sfold):
        # "2004年那份老文件": a document the text cites by number (〔2004〕) is of that year.
        doc_years |= cited_years(doc)
    other_year = ""
    # "现在是2029年8月，还在有效期里吗": a year asked against the validity is no other year.
    if years and doc_years and not injection and not any(y in doc_years for y in years) and meta_field != "effective":
        other_year = years[0] + "年"
    other_place = next((p for p in _lines("places.txt") if p in sfold), "")
    if not other_place:
        # A town or a street by name (莘庄镇, 南京路街道): the gazetteer stops at counties.
        town = next((m.group(0) for m in RE_TOWN.finditer(sfold) if not set(m.group(1)) & set(TOWN_NOT_NAME)), "")
        other_place = town
    year = int(sorted(doc_years)[0]) if doc_years else None
    dates = tuple((span, iso) for span, iso, _ in find_deadlines(sfold, year)) if not injection else ()
    if not dates and not items and not chapters and doc is not None and DEADLINE_LIST.search(sfold):
        # A list of deadlines is about every deadline the notice sets.
        dates = tuple(dict.fromkeys((f.text, f.value) for it in doc.items for f in it.deadlines))
    return Query(
        text=text,
        search_text=search_text,
        intent=intent,
        items=tuple(items),
        chapters=tuple(chapters),
        parts=tuple(parts),
        meta_field=meta_field,
        followup=followup,
        injection=injection,
        out_of_scope=out_of_scope,
        other_year=other_year,
        other_place=other_place,
        missing_items=tuple(missing),
        dates=dates,
        history_items=tuple(history_items),
    )


# Words of a 文号/依据 question that name no particular document.
_META_WORDS = re.compile(
    r"发文字号|文件号|文号|依据|根据|制定|出台|上位|精神|什么|哪个|哪些|哪份|那个|这个|这份|那份|是|多少|的|了|呢|吗|"
    r"(?:省|市|区|县)?(?:人民)?政府令|第几号|几号|公布|发布|谁签|签署|签发|以|"
    r"工作要点|要点|通知|本文件|文件|规定|哪|那|这|个|份|本"
)


def names_other_document(text: str, doc: Document | None) -> bool:
    """Whether a 文号/依据 question names something besides the notice itself: at least two
    word pairs that the notice's text contains (so 请问一下 and other filler do not count)
    left once question words and the notice's own title are set aside."""
    if doc is None:
        return False
    if RE_OTHER_DOCUMENT.search(text):
        return True
    own = bigrams(fold(doc.title + doc.meta.title + doc.meta.points_title))
    body = fold(doc.text)
    return len({b for b in bigrams(_META_WORDS.sub(" ", text)) - own if b in body}) >= 2


# A document other than the one asked about: 废止的老文件, 原来的通知, 引用的办法 (not 上级文件:
# a document's own basis).
RE_OTHER_DOCUMENT = re.compile(r"(?:废止|作废|替代|取代|老|旧|原来|原先|引用|提到)的?[^，。？?]{0,4}(?:文件|通知|办法|意见|规定|方案)")


def _other_topic(text: str, doc: Document | None, history_items) -> bool:
    """Whether a question with a follow-up word names its own topic, found in another item
    and not in the earlier one: "跟它相比，法律顾问制度的截止时间" after a question about
    规范性文件 asks about 法律顾问. Only word pairs found in at most three items count."""
    if doc is None or not doc.items:
        return False
    pairs = {it.number: bigrams(fold(it.title + it.text)) for it in doc.items}
    asked = [b for b in bigrams(text) if 1 <= sum(b in ps for ps in pairs.values()) <= 3]
    score = {n: sum(b in ps for b in asked) for n, ps in pairs.items()}
    best = max(score, key=score.get)
    earlier = max((score.get(n, 0) for n in history_items), default=0)
    return best not in history_items and score[best] >= 3 and earlier <= 1


# A count of things the text itself counts (种, 家, 名…), as opposed to its own parts.
RE_COUNTED_THING = re.compile(r"(?:多少|几)(?:种|类|家|名|人|所|座|栋|幢|辆|艘|台|间|套|户|元|万|亿|倍|吨|公里|mw|kw|gw|兆瓦|千瓦|平方米|亩|公顷|个(?!部分|方面|大项|任务|工作|事项|措施|指标|附件|专栏|阶段|步骤|环节))")
RE_COUNTED_PARTS = re.compile(r"多少项|几项|多少条|几条|部分|章|节|附件|专栏|表")


# "时间" names a deadline (完成时间, 什么时间) unless it is a measured amount (开办时间要压缩到多少).
RE_TIME_AMOUNT = re.compile(r"(?<!完成)(?<!截止)(?<!办结)时间[^，。？?]{0,8}(?:多少(?![号日])|几(?![月号日时]))")


# A lead naming a document before the question proper: …印发的…实施方案里，.
RE_DOCUMENT_LEAD = re.compile(r"^[^，,？?]{4,80}?(?:方案|文件|通知|意见|办法|要点|计划|措施|规定|政策|规划|细则|条例|纲要|清单)》?(?:里面|里|中|当中)[，,]")


def asking_clause(sfold: str) -> str:
    """What decides a long message's intent: its last sentence that asks, from its first
    clause that asks (我是街道负责养老的，…，暂停服务前要走什么程序 -> 暂停服务前要走什么程序:
    the context's 负责 asks for no unit). Short questions are read whole."""
    if len(sfold) <= LONG_QUESTION:
        return sfold
    from .messages import RE_ASKS

    # The last sentence that asks holds the question (…，好几个小区也说不清该干嘛。先问个
    # 具体的：…钱从哪儿出？): the context's asides before it do not.
    sentences = [x for x in re.split(r"(?<=[。？?！!])", sfold) if x.strip()]
    while len(sentences) > 1 and re.fullmatch(r"(?:\s+[\u4e00-\u9fff]{1,6})+\s*", sentences[-1]):
        sentences.pop()  # the words translate_english adds after an English question
    last = next((x for x in reversed(sentences) if any(RE_ASKS.search(c) for c in re.split(r"[，,；;]", x))), sfold)
    clauses = [c for c in re.split(r"[，,。；;！!]", last) if c.strip()]
    asking = [i for i, c in enumerate(clauses) if RE_ASKS.search(c)]
    if not asking:
        return sfold
    return "，".join(clauses[asking[0]:])


# A question longer than this (folded characters) has context before what it asks.
LONG_QUESTION = 40


# A request for examples (举几个例子, 举个例, 列举一些例子): it asks for the things themselves,
# which a list answers, not for how many (its 几个 counts the examples wanted).
RE_EXAMPLES_ASKED = re.compile(r"(?:请|能|能不能|可以|帮我|麻烦)?(?:举|列举|举出)(?:几个|一两个|两三个|两个|三个|一些|些|个)?例子?(?:说明|看看)?(?:吗|呢|吧)?")


# A time a question states itself (一季度前, 到2026年底, 2022年6月底前, 时间表): it says
# when, and asks something else.
RE_STATED_TIME = re.compile(
    r"(?:到|至|在)?(?:\d{4}\s*年)?(?:\d{1,2}\s*月)?(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前)(?=[要应须需的，,]|完成|做完|办完|办成|达成|达到)"
    r"|(?:到|至)?(?:\d{4}\s*年)?(?:年底|年末|\d{1,2}\s*月底|[一二三四1-4]季度(?:末|底)?|上半年|下半年)(?:前|之前|以前)?|时间表"
)
# A question for the things themselves (要做完的都是些啥, 要达成哪些目标).
RE_THINGS_ASKED = re.compile(r"哪些|哪几|都是些?(?:啥|什么)|(?:有|做|干|办)(?:些)?(?:啥|什么)(?:事|活|工作)?")


def intent_of(sfold: str) -> str:
    """What a (folded) question asks for: the first intent whose words it uses."""
    found = next((name for name, pattern in INTENTS if pattern.search(sfold)), "content")
    if found == "deadline" and RE_TIME_AMOUNT.search(sfold):
        without = RE_TIME_AMOUNT.sub("", sfold)
        if not dict(INTENTS)["deadline"].search(without):
            return "quantity"
    if found == "deadline" and RE_THINGS_ASKED.search(sfold) and RE_STATED_TIME.search(sfold):
        # "一季度前要做完的都是些啥", "到2026年底要达成哪些目标": the time is given, the
        # things due by it are asked.
        without = RE_STATED_TIME.sub("", sfold)
        if not dict(INTENTS)["deadline"].search(without):
            return "list"
    return found


def _valid_history(history) -> list[dict]:
    """Keep well-formed turns; raise a Chinese error for a history that is not a list."""
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise InputError("对话历史格式不正确：应为 [{\"role\": \"user\", \"content\": \"…\"}, …] 形式的列表。")
    out = []
    for turn in history[-20:]:
        if isinstance(turn, dict) and turn.get("role") in ("user", "assistant") and isinstance(turn.get("content"), str):
            out.append({"role": turn["role"], "content": turn["content"][:4000]})
        elif isinstance(turn, (list, tuple)) and len(turn) == 2 and all(isinstance(x, str) or x is None for x in turn):
            # gradio-style (user, assistant) pairs
            if turn[0]:
                out.append({"role": "user", "content": turn[0][:4000]})
            if turn[1]:
                out.append({"role": "assistant", "content": turn[1][:4000]})
        else:
            raise InputError("对话历史中有无法识别的条目：每条应包含 role（user 或 assistant）和 content（文字）。")
    return out


def items_with_dates(doc: Document, dates) -> list[int]:
    """Items whose deadline is the one a question names: same wording first (10月底前 in
    2017年10月底前), then the same date."""
    by_text, by_value = [], []
    for span, iso in dates:
        for it in doc.items:
            for f in it.deadlines:
                if fold(span) in fold(f.text) and it.number not in by_text:
                    by_text.append(it.number)
                elif f.value == iso and it.number not in by_value:
                    by_value.append(it.number)
    return by_text + [n for n in by_value if n not in by_text]


