from django.core.checks import Error, register

from hearth.content import ContentError, catalog


@register()
def content_files_are_valid(app_configs, **kwargs):
    try:
        catalog.load_all()
    except ContentError as exc:
        return [Error(f"Content file problem: {exc}", id="hearth.E001")]
    return []
