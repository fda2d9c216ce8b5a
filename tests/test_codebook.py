import pytest
import yaml

from mediabrief.codebook import YAML_LOADER, CodebookError, load_codebook
from mediabrief.config import CODEBOOK_DIR


def test_the_project_codebook_has_a_story():
    story = load_codebook()["story"]
    assert story["title"].strip() and story["subject"].strip()


def test_a_folder_merges_its_files_sections(tmp_path):
    (tmp_path / "a.yaml").write_text("story:\n  title: T\n  subject: S\n")
    (tmp_path / "b.yaml").write_text("money:\n  rates: {JPY: 0.007}\n")
    assert load_codebook(tmp_path) == {"story": {"title": "T", "subject": "S"}, "money": {"rates": {"JPY": 0.007}}}


def test_a_section_defined_twice_names_both_files(tmp_path):
    (tmp_path / "a.yaml").write_text("story:\n  title: T\n  subject: S\n")
    (tmp_path / "b.yaml").write_text("story:\n  title: U\n  subject: V\n")
    with pytest.raises(CodebookError, match=r"b\.yaml: section 'story' is already defined in .*a\.yaml"):
        load_codebook(tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("story: [1, 2", "not valid YAML"),
        ("- just\n- a list\n", "must hold named sections"),
        ("story:\n  title: ''\n  subject: S\n", r"story\.title is empty"),
        ("money: {}\n", "needs a 'story:' section"),
    ],
)
def test_bad_codebooks_name_the_file_and_the_fix(tmp_path, content, message):
    path = tmp_path / "codebook.yaml"
    path.write_text(content)
    with pytest.raises(CodebookError, match=message):
        load_codebook(path)


def test_a_missing_codebook_says_what_to_do(tmp_path):
    with pytest.raises(CodebookError, match="no such codebook folder or file"):
        load_codebook(tmp_path / "absent")


def test_the_fast_yaml_loader_reads_the_codebook_as_the_pure_python_one_does():
    for path in sorted(CODEBOOK_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=YAML_LOADER) == yaml.safe_load(text), path.name
