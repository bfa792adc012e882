"""The index stage: passages of each document, a tokenizer per corpus and BM25 over it,
the embedding model (documents through sentence-transformers, questions through an ONNX
export), the Chroma store with its manifest, and the cache of parsed documents.

- ``passages``: what is retrievable, with stable ids and the text the model sees;
- ``lexical``: folding (width, traditional forms), the per-corpus tokenizer, pinyin, BM25;
- ``embeddings``: sentence-transformers for documents, the ONNX query encoder;
- ``store``: the Chroma collection (embedded or server) and ``manifest.json``;
- ``parsecache``: parses of the corpus files, keyed by parser version.
"""

from .embeddings import MAX_QUERY_CHARS, QueryBatcher, SentenceTransformerEmbeddings
from .lexical import STOPWORDS, TOKEN_CACHE, BM25Index, Okapi, Tokenizer, add_terms, fold, pinyin, tokenizer_signature, tokens
from .passages import PARAGRAPH_EMBED_CHARS, embedding_text, passage_id, passages_of, with_score
from .store import EMBED_VERSION, MANIFEST, VectorStore, chroma_settings, corpus_key, passage_metadata

__all__ = [
    "EMBED_VERSION",
    "MANIFEST",
    "MAX_QUERY_CHARS",
    "PARAGRAPH_EMBED_CHARS",
    "STOPWORDS",
    "TOKEN_CACHE",
    "BM25Index",
    "Okapi",
    "QueryBatcher",
    "SentenceTransformerEmbeddings",
    "Tokenizer",
    "VectorStore",
    "add_terms",
    "chroma_settings",
    "corpus_key",
    "embedding_text",
    "fold",
    "passage_id",
    "passage_metadata",
    "passages_of",
    "pinyin",
    "tokenizer_signature",
    "tokens",
    "with_score",
]
