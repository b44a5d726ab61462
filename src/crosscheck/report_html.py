"""A page's HTML: an executed notebook rendered self-contained with the offline template
(for readers without code, for analysts with code), and its title and one-line summary.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "offline"
HIDDEN_FOR_READERS = ("injected-parameters", "parameters", "remove-cell", "hide-for-readers")


def render_html(notebook: Any, for_readers: bool, title: str = "") -> str:
    """Self-contained HTML of an executed notebook; readers get no code and no parameter cells."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        embed_images=True,
        exclude_input=for_readers,
        exclude_input_prompt=for_readers,
        exclude_output_prompt=for_readers,
    )
    if for_readers:
        remover = TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_FOR_READERS), enabled=True)
        exporter.register_preprocessor(remover, enabled=True)
    resources = {"metadata": {"name": title or "crosscheck"}}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return body


def _plain(markdown: str) -> str:
    """Markdown of one paragraph as plain text: links, emphasis and code marks removed."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def title_and_summary(notebook: Any) -> tuple[str, str]:
    """The notebook's first H1, and the first paragraph of prose after it (plain text)."""
    title, summary = "", ""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for block in re.split(r"\n\s*\n", cell.source):
            block = block.strip()
            if not block:
                continue
            if not title and block.startswith("# "):
                heading, _, rest = block.partition("\n")
                title = _plain(heading[2:])
                block = rest.strip()
                if not block:
                    continue
            if title and not summary and not block.startswith(("#", "|", "- ", "* ", ">", "<")):
                # "**Question.** Which …" reads as "Which …" in a one-line summary.
                paragraph = _plain(re.sub(r"^\*\*[^*\n]{1,30}[.:]\*\*\s*", "", block))
                summary = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", paragraph, maxsplit=1)[0]
            if title and summary:
                return title, summary
    return title, summary
