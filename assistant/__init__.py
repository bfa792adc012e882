"""政策问答助手: answers questions about government work-points notices, quoting the original text.

>>> from assistant import Assistant
>>> Assistant().ask("规范性文件什么时候前要录入数据库？").text  # doctest: +SKIP
"""

from .schema import Answer, AssistantError, Document, Passage

__all__ = ["Answer", "Assistant", "AssistantError", "Document", "Passage"]


def __getattr__(name):
    # Assistant pulls in the heavy retrieval stack: import it only when asked for.
    if name == "Assistant":
        from .service import Assistant

        return Assistant
    raise AttributeError(name)
