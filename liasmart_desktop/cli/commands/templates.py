"""``liasmart templates save|list|delete|rename``: saved messages with merge fields, sender ID and type.

``send --template NAME`` takes the text (and the sender ID and type, unless given) from one.
"""

from __future__ import annotations

import argparse

from liasmart_desktop.cli.commands import Action, Command, add_actions, add_json_option, run_action
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import ExitCode
from liasmart_desktop.core.sending.campaigns import os_user
from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time
from liasmart_desktop.core.templates import SavedTemplate, TemplateBook

_TYPES = {"P": "promotional", "T": "transactional", "": "type not set"}


def template_book(ctx: CliContext) -> TemplateBook:
    """The saved templates of this data folder."""
    return TemplateBook(ctx.paths.lists_file)


def _add_save_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="the template's name (an existing one is replaced)")
    parser.add_argument("--text", required=True, help="the message; {column} inserts a value from the list")
    parser.add_argument("--sender-id", default="", metavar="ID", help="the sender ID it is sent from")
    parser.add_argument("--type", choices=["P", "T"], default="", dest="sms_type", help="P or T")


def run_save(ctx: CliContext) -> int:
    """Save a template (replacing one of the same name)."""
    args = ctx.args
    book = template_book(ctx)
    replaced = any(t.name.casefold() == args.name.strip().casefold() for t in book.all())
    saved = book.save(SavedTemplate(args.name, args.text, args.sender_id, args.sms_type), by=os_user())
    ctx.say(f"Template “{saved.name}” {'replaced' if replaced else 'saved'}.")
    return int(ExitCode.OK)


def _fields(template: SavedTemplate) -> dict[str, str]:
    return {
        "name": template.name,
        "text": template.text,
        "sender_id": template.sender_id,
        "type": template.sms_type,
        "updated_at": template.updated_at,
        "updated_by": template.updated_by,
    }


def _add_list_arguments(parser: argparse.ArgumentParser) -> None:
    add_json_option(parser)


def run_list(ctx: CliContext) -> int:
    """Every saved template, by name."""
    templates = template_book(ctx).all()
    if ctx.json_mode:
        ctx.print_json({"templates": [_fields(template) for template in templates]})
    elif not templates:
        ctx.say("No templates yet; `liasmart templates save NAME --text TEXT` saves one.")
    for template in templates if not ctx.json_mode else ():
        sender = template.sender_id or "no sender ID"
        ctx.say(
            f"{template.name}  ({sender}, {_TYPES[template.sms_type]}, {journal_time(template.updated_at)})"
        )
        ctx.say(f"  {template.text}")
    return int(ExitCode.OK)


def _add_name(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="the template's name")


def run_delete(ctx: CliContext) -> int:
    """Delete a template."""
    template_book(ctx).delete(ctx.args.name)
    ctx.say(f"Template “{ctx.args.name.strip()}” deleted.")
    return int(ExitCode.OK)


def _add_rename_arguments(parser: argparse.ArgumentParser) -> None:
    _add_name(parser)
    parser.add_argument("new_name", metavar="NEW_NAME", help="its new name")


def run_rename(ctx: CliContext) -> int:
    """Give a template another name."""
    renamed = template_book(ctx).rename(ctx.args.name, ctx.args.new_name, by=os_user())
    ctx.say(f"Template “{ctx.args.name.strip()}” is now “{renamed.name}”.")
    return int(ExitCode.OK)


ACTIONS: list[Action] = [
    ("save", "save a message as a template", _add_save_arguments, run_save),
    ("list", "list the saved templates", _add_list_arguments, run_list),
    ("delete", "delete a template", _add_name, run_delete),
    ("rename", "rename a template", _add_rename_arguments, run_rename),
]


def _add_templates_arguments(parser: argparse.ArgumentParser) -> None:
    add_actions(parser, "templates_action", ACTIONS)


COMMANDS = [
    Command(
        "templates",
        "saved message templates: save, list, delete, rename",
        _add_templates_arguments,
        run_action("templates_action", ACTIONS),
    )
]
