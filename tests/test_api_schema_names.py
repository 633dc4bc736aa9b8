"""Every API schema has its own name.

django-ninja names OpenAPI components after the schema classes; two classes of
one name would silently share one component, and the document would lie.
"""

import inspect

from ninja import Schema

from hearth import api as api_module  # noqa: F401  (imports every router)


def test_schema_class_names_are_unique():
    seen: dict[str, str] = {}
    for module_name in (
        "hearth.accounts.api",
        "hearth.couples.api",
        "hearth.checkins.api",
        "hearth.questions.api",
        "hearth.content.api",
        "hearth.core.api",
    ):
        module = __import__(module_name, fromlist=["*"])
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Schema) and obj.__module__ == module_name:
                assert name not in seen, f"{name} is defined in {seen[name]} and {module_name}"
                seen[name] = module_name
    assert len(seen) > 20
