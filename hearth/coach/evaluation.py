"""Measure the coach against the labelled evaluation sets in evaluation/ (dev.toml, test.toml).

A category counts as predicted for a message when the analysis has any finding or strength
of that category; precision, recall and F1 are computed over messages. Tune rules on the dev
set only; the test set is for the final, honest measure (see docs/COACH.md).
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from hearth.coach import CATEGORIES, CONTEXTS, PARAPHRASE_ONLY, analyse

EVALUATION_DIR = Path(__file__).resolve().parent / "evaluation"
SETS = (
    "dev",
    "test",
    "holdout",
    "holdout2",
    "holdout3",
    "holdout4",
    "holdout5",
    "holdout6",
    "holdout7",
    "holdout8",
    "holdout9",
)


@dataclass(frozen=True)
class Example:
    text: str
    context: str
    labels: frozenset[str]


@dataclass
class Score:
    category: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        predicted = self.tp + self.fp
        if predicted == 0:
            return 1.0 if self.support == 0 else 0.0
        return self.tp / predicted

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Error:
    example: Example
    found: frozenset[str]

    @property
    def missed(self) -> frozenset[str]:
        return self.example.labels - self.found

    @property
    def extra(self) -> frozenset[str]:
        return self.found - self.example.labels


@dataclass
class Report:
    name: str
    messages: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)

    def meets(self, precision: float = 0.9, recall: float = 0.8) -> bool:
        return all(s.precision >= precision and s.recall >= recall for s in self.scores.values())


def load_set(name: str, directory: Path = EVALUATION_DIR) -> list[Example]:
    """Read evaluation/<name>.toml and check every entry."""
    if name not in SETS:
        raise ValueError(f"unknown evaluation set {name!r}; choose from {', '.join(SETS)}")
    path = directory / f"{name}.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    examples = []
    for index, entry in enumerate(data.get("message", [])):
        where = f"{path.name} message #{index + 1}"
        text, context, labels = entry.get("text"), entry.get("context"), entry.get("labels")
        if not isinstance(text, str) or context not in CONTEXTS or not isinstance(labels, list):
            raise ValueError(f"{where}: needs text, context (message|paraphrase) and labels")
        unknown = set(labels) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"{where}: unknown labels {sorted(unknown)}")
        if context == "message" and set(labels) & PARAPHRASE_ONLY:
            raise ValueError(f"{where}: advice and rebuttal are for paraphrases only")
        examples.append(Example(text, context, frozenset(labels)))
    if not examples:
        raise ValueError(f"{path.name}: no [[message]] entries")
    return examples


def evaluate(examples: list[Example], name: str = "") -> Report:
    report = Report(name=name, scores={c: Score(c) for c in CATEGORIES})
    for example in examples:
        found = analyse(example.text, context=example.context).categories
        report.messages += 1
        for category in CATEGORIES:
            expected, predicted = category in example.labels, category in found
            score = report.scores[category]
            if expected and predicted:
                score.tp += 1
            elif predicted:
                score.fp += 1
            elif expected:
                score.fn += 1
        if found != example.labels:
            report.errors.append(Error(example, frozenset(found)))
    return report


def format_report(report: Report, *, show_errors: bool = False) -> str:
    lines = [
        f"Coach evaluation: {report.name} set, {report.messages} messages",
        f"{'category':<18}{'support':>8}{'precision':>11}{'recall':>8}{'F1':>7}",
    ]
    for category in CATEGORIES:
        s = report.scores[category]
        lines.append(
            f"{category:<18}{s.support:>8}{s.precision:>11.2f}{s.recall:>8.2f}{s.f1:>7.2f}"
        )
    total = Score("all")
    for s in report.scores.values():
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
    lines.append(
        f"{'(micro average)':<18}{total.support:>8}{total.precision:>11.2f}"
        f"{total.recall:>8.2f}{total.f1:>7.2f}"
    )
    lines.append(
        f"messages with every label right: {report.messages - len(report.errors)}/{report.messages}"
    )
    if show_errors:
        lines.append("")
        lines.append(f"Misclassified messages ({len(report.errors)}):")
        for error in report.errors:
            example = error.example
            lines.append(f"- [{example.context}] {example.text}")
            lines.append(
                f"    expected: {', '.join(sorted(example.labels)) or '(none)'}"
                f" | found: {', '.join(sorted(error.found)) or '(none)'}"
            )
            if error.missed:
                lines.append(f"    missed: {', '.join(sorted(error.missed))}")
            if error.extra:
                lines.append(f"    extra: {', '.join(sorted(error.extra))}")
    return "\n".join(lines)


def run(set_name: str = "dev", *, show_errors: bool = False) -> str:
    """Evaluate one set ('dev' or 'test') or both ('all'); return the printable report."""
    names = SETS if set_name == "all" else (set_name,)
    reports = [evaluate(load_set(name), name) for name in names]
    return "\n\n".join(format_report(r, show_errors=show_errors) for r in reports)
