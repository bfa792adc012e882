import pytest


@pytest.fixture(scope="session")
def qa(tmp_path_factory):
    """The real assistant (bundled m3e-small, embedded Chroma) over the bundled corpus,
    with its own index so tests never touch indexes/."""
    from assistant import Assistant

    return Assistant(index_dir=tmp_path_factory.mktemp("index"), data_dir=tmp_path_factory.mktemp("data"))
