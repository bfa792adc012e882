import pytest


@pytest.fixture(scope="session")
def qa(tmp_path_factory):
    """The real assistant (bundled m3e-small, embedded Chroma) over the bundled corpus,
    with its own index so tests never touch indexes/."""
    from assistant import Assistant

    return Assistant(index_dir=tmp_path_factory.mktemp("index"), data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
def fake_qa(tmp_path_factory):
    """The assistant over the bundled corpus with the fake embedder (hashed character
    n-grams) and the in-memory store: no model, no Chroma, built in a second or two."""
    from assistant import Assistant
    from assistant.testing import HashingEmbeddings, MemoryStore

    index = tmp_path_factory.mktemp("fake-index")
    embedder = HashingEmbeddings()
    return Assistant(index_dir=index, data_dir=tmp_path_factory.mktemp("fake-data"), embedder=embedder, store=MemoryStore(embedder, index))
