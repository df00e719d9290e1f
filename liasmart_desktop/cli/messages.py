"""Plain-English sentences for the command line: one per error code, saying what happened and what to do."""

from __future__ import annotations

from urllib.parse import urlsplit

from liasmart_desktop.cli.errors import ExitCode
from liasmart_desktop.cli.office_wording import describe_office_error
from liasmart_desktop.core.api.outcome import Outcome, OutcomeKind, Reason
from liasmart_desktop.core.errors import (
    ApiError,
    CampaignError,
    CampaignProblem,
    ConfigError,
    ConfigProblem,
    CredentialError,
    CredentialProblem,
    JournalError,
    JournalProblem,
    LiaSmartError,
    ValueRule,
)
from liasmart_desktop.core.sending.lock import LockBusyError
from liasmart_desktop.core.text import TemplateError, TemplateIssue, TemplateProblem

_OUTCOME_SENTENCES: dict[Reason, str] = {
    Reason.CREDENTIALS: "LiaSmart did not accept the API ID or password; check them "
    "(`liasmart login` or LIASMART_API_PASSWORD) and try again.",
    Reason.IP_NOT_ALLOWED: "LiaSmart refused this computer's IP address; ask LiaSmart to add it to the "
    "account's IP allow-list.",
    Reason.INSUFFICIENT_BALANCE: "The LiaSmart account has too little balance; top it up and try again.",
    Reason.TRANSACTIONAL_NOT_ALLOWED: "This account may not send transactional (T) messages; send them as "
    "promotional (P) or ask LiaSmart to enable transactional SMS.",
    Reason.ACCOUNT_DISABLED: "LiaSmart says the account is suspended or disabled; contact LiaSmart.",
    Reason.ENDPOINT_NOT_FOUND: "The server at {host} has no such API method (HTTP {status}); "
    "check the base URL.",
    Reason.PROXY: "The proxy server refused the connection; check the proxy settings (HTTPS_PROXY).",
    Reason.TLS_CERTIFICATE: "The security certificate of {host} could not be verified, so nothing was sent; "
    "if your office network inspects HTTPS, turn on the system certificate store in the settings, "
    "otherwise check the base URL.",
    Reason.TLS_ERROR: "A secure connection to {host} could not be set up; check the base URL.",
    Reason.CONFIGURATION: "The request to {host} could not be made as configured; check the base URL.",
    Reason.CONNECT_FAILED: "Could not connect to {host}; check the internet connection and the base URL.",
    Reason.CONNECT_TIMEOUT: "Connecting to {host} timed out; check the internet connection.",
    Reason.POOL_TIMEOUT: "No connection to {host} became free in time; try again.",
    Reason.REQUEST_TIMEOUT: "LiaSmart did not receive the whole request in time (HTTP 408); try again.",
    Reason.RATE_LIMITED: "LiaSmart asked to slow down (HTTP 429){wait}; try again later.",
    Reason.READ_TIMEOUT: "LiaSmart did not answer in time; try again later.",
    Reason.WRITE_TIMEOUT: "Sending the request to {host} timed out; try again later.",
    Reason.CONNECTION_LOST: "The connection to {host} was lost before an answer came; try again.",
    Reason.DEADLINE: "The answer from {host} took too long to arrive; try again later.",
    Reason.SERVER_ERROR: "LiaSmart had a server error (HTTP {status}); try again later.",
    Reason.REDIRECT: "The server sent a redirect (HTTP {status}) instead of an answer; check the base URL.",
    Reason.UNEXPECTED_HTTP_STATUS: "The server answered HTTP {status}, which was not expected; "
    "check the base URL.",
    Reason.BODY_TOO_LARGE: "The server's answer was far too large to be LiaSmart's; a proxy may be in the "
    "way; check the base URL.",
}
_UNREADABLE = (
    "The answer from {host} could not be read ({what}); a proxy or a login page may be in the way; "
    "check the base URL."
)


def describe_outcome(outcome: Outcome, base_url: str = "") -> str:
    """One sentence for an API outcome that was not a success."""
    host = urlsplit(base_url).hostname or "the server"
    template = _OUTCOME_SENTENCES.get(outcome.reason)
    if outcome.reason is Reason.REMARKS or (template is None and outcome.remarks):
        who = "LiaSmart refused the request" if outcome.kind is OutcomeKind.REFUSED else "LiaSmart said no"
        return f"{who}: {outcome.remarks or 'no reason given'}."
    if template is None:
        template = _UNREADABLE
    wait = f", to wait {outcome.retry_after_s:g} seconds" if outcome.retry_after_s else ""
    return template.format(host=host, status=outcome.http_status or "?", wait=wait, what=outcome.reason.value)


def outcome_exit_code(outcome: Outcome) -> ExitCode:
    """The exit code for a failed query: refused 3, rejected 2, anything else 4."""
    if outcome.kind is OutcomeKind.REFUSED:
        return ExitCode.REFUSED
    if outcome.kind is OutcomeKind.REJECTED:
        return ExitCode.USAGE
    return ExitCode.UNREACHABLE


_CONFIG_SENTENCES: dict[ConfigProblem, str] = {
    ConfigProblem.BAD_BASE_URL: "The API base URL '{subject}' cannot be used ({detail}).",
    ConfigProblem.INSECURE_BASE_URL: "The API base URL '{subject}' must start with https:// "
    "(plain http is only allowed for the sandbox on this computer).",
    ConfigProblem.SETTINGS_UNREADABLE: "The settings file {subject} cannot be read ({detail}); "
    "fix or delete it (nothing was changed).",
    ConfigProblem.SETTINGS_UNWRITABLE: "The settings file {subject} cannot be written ({detail}); "
    "free some disk space or check the folder's permissions (the previous settings are unchanged).",
    ConfigProblem.SETTINGS_INVALID: "The setting '{subject}' in the settings file is wrong ({detail}); "
    "fix it or delete the settings file (nothing was changed).",
    ConfigProblem.DATA_DIR_UNUSABLE: "The data folder {subject} cannot be used ({detail}); "
    "choose another one with --home or LIASMART_HOME.",
    ConfigProblem.BAD_VALUE: "{subject} must be {rule}.",
}
#: How the command line names a setting or option a ``ConfigError`` is about.
_SUBJECTS: dict[str, str] = {
    "concurrency": "--concurrency",
    "rate_per_second": "--rate",
    "default_country": "The country (--country, LIASMART_COUNTRY)",
    "sms_type": "The message type",
    "sender_id_max_chars": "sender_id_max_chars",
    "price_per_part": "price_per_part",
    "--price-per-part": "--price-per-part",
    "daily_limit_parts": "The daily limit (daily_limit_parts in the settings)",
    "--daily-limit": "--daily-limit",
    "quiet_hours": "The quiet hours (quiet_hours in the settings)",
    "--quiet-hours": "--quiet-hours",
}
_RULES: dict[ValueRule, str] = {
    ValueRule.COUNTRY_CODE: "a two-letter country code such as CN",
    ValueRule.SMS_TYPE: "P (promotional) or T (transactional)",
    ValueRule.RANGE: "a whole number from {low} to {high}",
    ValueRule.POSITIVE_AT_MOST: "above 0 and at most {high}",
    ValueRule.ZERO_OR_MORE: "a number, zero or more",
    ValueRule.TIME_WINDOW: "two different times of day written HH:MM-HH:MM, for example 21:00-08:00",
}


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,g}"


def describe_rule(error: ConfigError) -> str:
    """What a value must be, in words ("a whole number from 1 to 64"); the error's detail without a rule."""
    if error.rule is None:
        return error.detail
    return _RULES[error.rule].format(low=_number(error.bounds.low), high=_number(error.bounds.high))


def _describe_config(exc: ConfigError) -> str:
    if exc.code is ConfigProblem.BAD_VALUE:
        subject = _SUBJECTS.get(exc.subject, exc.subject)
        return _CONFIG_SENTENCES[exc.code].format(subject=subject, rule=describe_rule(exc))
    return _CONFIG_SENTENCES[exc.code].format(subject=exc.subject, detail=describe_rule(exc))


_CAMPAIGN_SENTENCES: dict[CampaignProblem, str] = {
    CampaignProblem.WRONG_ACCOUNT: "Campaign {campaign} belongs to API ID {account}, not {current}; "
    "nothing was sent. A campaign is only ever sent through its own account: use --api-id {account} "
    "(with its password) to continue it.",
    CampaignProblem.NEEDS_ACCOUNT: "Campaign {campaign} goes to LiaSmart through {account_words}, but no "
    "API ID is set; give --api-id or LIASMART_API_ID (or run `liasmart login`). Nothing was sent.",
    CampaignProblem.NEEDS_SANDBOX: "Campaign {campaign} is a sandbox campaign: it is only ever sent to the "
    "simulator. Nothing was sent.",
    CampaignProblem.CANCELLED: "Campaign {campaign} was cancelled; its unsent messages stay unsent.",
    CampaignProblem.SANDBOX_GONE: "Campaign {campaign} went to a sandbox that has stopped since; its "
    "delivery statuses cannot be refreshed.",
    CampaignProblem.ALL_OPTED_OUT: "Every such message of campaign {campaign} goes to a number on the "
    "do-not-message list; nothing was sent again.",
}


def describe_campaign_error(exc: CampaignError) -> str:
    """One sentence about a refused campaign operation."""
    account_words = f"API ID {exc.account}" if exc.account else "a real account"
    return _CAMPAIGN_SENTENCES[exc.code].format(
        campaign=exc.campaign, account=exc.account, current=exc.current, account_words=account_words
    )


_CREDENTIAL_SENTENCES: dict[CredentialProblem, str] = {
    CredentialProblem.NO_API_ID: "No API ID is set; give --api-id, set LIASMART_API_ID, "
    "or run `liasmart login`.",
    CredentialProblem.BAD_API_ID: "The API ID is not valid ({detail}); copy it from your LiaSmart account.",
    CredentialProblem.NO_PASSWORD: "No API password is saved for this API ID; run `liasmart login`, or set "
    "LIASMART_API_PASSWORD for this run.",
    CredentialProblem.NO_SECURE_STORE: "This computer has no secure password store ({backend}), "
    "so the password is not saved; set LIASMART_API_PASSWORD for this run instead.",
    CredentialProblem.STORE_FAILED: "The password store ({backend}) failed ({detail}); "
    "unlock it and try again.",
}


_JOURNAL_SENTENCES: dict[JournalProblem, str] = {
    JournalProblem.CORRUPT: "The journal {subject} is damaged ({detail}); nothing was sent. Move it aside "
    "(keep it for support) and try again, or restore it from a backup.",
    JournalProblem.NEWER_SCHEMA: "The journal {subject} was written by a newer version of LiaSmart Desktop; "
    "update this one.",
    JournalProblem.NOT_DURABLE: "The journal cannot be made crash-safe here ({detail}); keep the data folder "
    "on a local disk, not a network or cloud folder.",
    JournalProblem.WRITE_FAILED: "The journal {subject} cannot be written ({detail}); nothing more is sent "
    "until it can: free some disk space or check the data folder's permissions (or use another data "
    "folder with --home).",
    JournalProblem.NO_SUCH_CAMPAIGN: "There is no campaign “{subject}”; `liasmart campaigns` lists them.",
    JournalProblem.NO_CAMPAIGNS: "The journal has no campaigns yet; `liasmart send` creates one.",
    JournalProblem.NOTHING_TO_RESEND: "The campaign has no {subject} messages to send again.",
    JournalProblem.EMPTIED: "The journal {subject} was empty (0 bytes), so the history of earlier "
    "campaigns is gone from it; it was moved to {detail} and nothing was sent. Restore the journal from "
    "a backup, or run the command again to start a new one.",
}

_TEMPLATE_SENTENCES: dict[TemplateIssue, str] = {
    TemplateIssue.UNCLOSED_BRACE: "a “{{” at character {at} is never closed (write {{{{ for a literal brace)",
    TemplateIssue.STRAY_CLOSING_BRACE: "a “}}” at character {at} closes nothing (write }}}} for a literal "
    "brace)",
    TemplateIssue.EMPTY_FIELD_NAME: "“{{}}” at character {at} names no column",
    TemplateIssue.UNKNOWN_FIELD: "{{{field}}} names no column of the list (the columns are: {columns})",
    TemplateIssue.AMBIGUOUS_FIELD: "{{{field}}} could mean several columns ({candidates}); write the "
    "column name exactly",
    TemplateIssue.ESCAPED_FIELD: "{{{{{field}}}}} is literal text, not a merge field",
}


def describe_template_problem(problem: TemplateProblem, columns: tuple[str, ...] = ()) -> str:
    """One clause about a template problem."""
    return _TEMPLATE_SENTENCES[problem.code].format(
        at=problem.position + 1,
        field=problem.field,
        candidates=", ".join(problem.candidates),
        columns=", ".join(columns) or "none",
    )


def describe_error(exc: LiaSmartError, base_url: str = "") -> tuple[ExitCode, str]:
    """The exit code and the sentence for an error raised by the core."""
    if isinstance(exc, LockBusyError):
        holder = f" (process {exc.holder_pid})" if exc.holder_pid else ""
        return ExitCode.LOCKED, (
            f"Another LiaSmart program{holder} is sending from this journal; wait for it to finish or "
            "stop it first (nothing was sent)."
        )
    if isinstance(exc, JournalError):  # a journal that cannot be read or written, or a campaign not in it
        return ExitCode.USAGE, _JOURNAL_SENTENCES[exc.code].format(subject=exc.subject, detail=exc.detail)
    if isinstance(exc, TemplateError):
        clauses = "; ".join(describe_template_problem(p) for p in exc.problems)
        return ExitCode.USAGE, f"The message text cannot be used: {clauses}."
    if isinstance(exc, ApiError):
        return outcome_exit_code(exc.outcome), describe_outcome(exc.outcome, base_url)
    if isinstance(exc, ConfigError):
        return ExitCode.USAGE, _describe_config(exc)
    if isinstance(exc, CampaignError):
        return ExitCode.USAGE, describe_campaign_error(exc)
    if isinstance(exc, CredentialError):
        backend = exc.backend or "unknown"
        return ExitCode.USAGE, _CREDENTIAL_SENTENCES[exc.code].format(detail=exc.detail, backend=backend)
    # The office rules' errors (spend guard, schedule, lists, templates) have their own sentences.
    return describe_office_error(exc) or (ExitCode.INTERNAL, f"Unexpected error: {exc}.")
