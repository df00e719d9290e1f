"""Account commands: ``balance``, ``status``, ``login`` and ``logout``."""

from __future__ import annotations

import argparse
import getpass

from liasmart_desktop.cli.commands import Command, add_json_option
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.cli.messages import describe_outcome
from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.api.outcome import OutcomeKind
from liasmart_desktop.core.api.payloads import DeliveryReport
from liasmart_desktop.core.credentials import (
    Credentials,
    check_api_id,
    delete_password,
    keyring_status,
    save_password,
)
from liasmart_desktop.core.errors import ApiError, CredentialError, CredentialProblem
from liasmart_desktop.core.settings import save_settings, updated


def _add_balance_arguments(parser: argparse.ArgumentParser) -> None:
    add_json_option(parser)


def run_balance(ctx: CliContext) -> int:
    """Print the account balance; it proves the credentials without sending anything."""
    with ctx.client() as client:
        balance = client.check_balance()
    if ctx.json_mode:
        ctx.print_json({"balance": balance.amount, "currency": balance.currency})
    else:
        ctx.say(f"Balance: {balance.amount:,} {balance.currency}".rstrip())
    return ExitCode.OK


def _add_status_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "message_ids", nargs="+", metavar="MESSAGE_ID", help="message IDs returned by SendSMS"
    )
    add_json_option(parser)


def _report_fields(report: DeliveryReport) -> dict[str, object]:
    return {
        "message_id": report.message_id,
        "status": report.status,
        "state": report.state.value,
        "final": report.state.is_final,
        "phone": report.phone,
        "error_code": report.error_code,
        "error_description": report.error_description,
        "sent_at": report.sent_at,
        "parts": report.parts,
        "cost": report.cost,
        "remarks": report.remarks,
    }


def run_status(ctx: CliContext) -> int:
    """Print the delivery status of each message ID; an ID the provider rejects gives exit 2."""
    rows: list[dict[str, object]] = []
    exit_code = ExitCode.OK
    with ctx.client() as client:
        for message_id in ctx.args.message_ids:
            try:
                rows.append(_report_fields(client.get_delivery_status(message_id)))
            except ApiError as exc:
                if exc.outcome.kind is not OutcomeKind.REJECTED:
                    raise
                rows.append(
                    {
                        "message_id": message_id,
                        "error": describe_outcome(exc.outcome, client.base_url),
                    }
                )
                exit_code = ExitCode.USAGE
    if ctx.json_mode:
        ctx.print_json({"messages": rows})
        return exit_code
    for row in rows:
        if "error" in row:
            ctx.say(f"{row['message_id']}: {row['error']}")
            continue
        extra = f" ({row['error_description']})" if row["error_description"] else ""
        ctx.say(f"{row['message_id']}: {row['status'] or 'no status yet'}{extra}")
    return exit_code


def _add_login_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin",
    )
    parser.add_argument(
        "--no-check",
        action="store_true",
        help="save without first checking the password with a balance query",
    )
    add_json_option(parser)


def _read_password(ctx: CliContext) -> str:
    if ctx.args.password_stdin:
        return ctx.stdin.readline().rstrip("\r\n")
    if not ctx.stdin.isatty():
        raise CliError(
            ExitCode.USAGE,
            "stdin is not a terminal, so the password cannot be asked for; use --password-stdin.",
        )
    return getpass.getpass("API password (not shown): ")


def run_login(ctx: CliContext) -> int:
    """Check the API ID and password with a balance query, then save the password in the OS keyring."""
    api_id = check_api_id(ctx.api_id)
    status = keyring_status()
    if not status.secure:
        raise CredentialError(CredentialProblem.NO_SECURE_STORE, backend=status.backend)
    password = _read_password(ctx)
    if not password:
        raise CliError(ExitCode.USAGE, "The password is empty; nothing was saved.")
    if not ctx.args.no_check:
        with LiaSmartClient(
            Credentials(api_id, password),
            base_url=ctx.base_url,
            use_system_trust_store=ctx.settings.use_system_trust_store,
        ) as client:
            client.check_balance()
    save_password(api_id, password)
    if ctx.settings.api_id != api_id:
        save_settings(ctx.create_data_folder().settings_file, updated(ctx.settings, api_id=api_id))
    if ctx.json_mode:
        ctx.print_json({"api_id": api_id, "saved": True, "keyring": status.backend})
    else:
        ctx.say(f"Saved the password for {api_id} in the system password store ({status.backend}).")
    return ExitCode.OK


def run_logout(ctx: CliContext) -> int:
    """Remove the saved password of the API ID from the OS keyring."""
    api_id = check_api_id(ctx.api_id)
    removed = delete_password(api_id)
    if ctx.json_mode:
        ctx.print_json({"api_id": api_id, "removed": removed})
    elif removed:
        ctx.say(f"Removed the saved password for {api_id}.")
    else:
        ctx.say(f"No password was saved for {api_id}.")
    return ExitCode.OK


COMMANDS = [
    Command(
        "balance",
        "show the account balance (checks the credentials)",
        _add_balance_arguments,
        run_balance,
    ),
    Command("status", "show the delivery status of messages", _add_status_arguments, run_status),
    Command(
        "login",
        "check and save the API password in the OS keyring",
        _add_login_arguments,
        run_login,
    ),
    Command("logout", "remove the saved API password", _add_balance_arguments, run_logout),
]
