"""The connection to LiaSmart (or the sandbox) behind the window: where messages can go, the balance, a test.

Views never build an API client: they ask this controller, which opens clients on the thread that
uses them and reports back on the GUI thread through the caller's callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QObject

from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.credentials import Credentials
from liasmart_desktop.core.errors import CredentialError, CredentialProblem
from liasmart_desktop.core.sending.campaigns import Reach
from liasmart_desktop.core.sending.isolation import ClientOptions
from liasmart_desktop.core.sending.records import Route
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.workers.task_runner import TaskContext

OnBalance = Callable[[Balance], None]
OnError = Callable[[BaseException], None]


@dataclass(frozen=True, slots=True)
class ConnectionTest:
    """What Settings asks to test: an account at an address, with a typed password or the saved one."""

    api_id: str
    password: str  # "" means the password already saved for ``api_id``
    base_url: str
    use_system_trust_store: bool
    require_uid_echo: bool


class AccountController(QObject):
    """Opens connections for the current mode and checks the balance, off the GUI thread."""

    def __init__(self, services: AppServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services

    def reach(self) -> Reach:
        """Where the app can send now: the simulator in sandbox mode, else the saved account when usable."""
        services = self._services
        if services.sandbox_mode:
            return Reach(sandbox=True, sandbox_url=services.base_url())
        api_id = services.settings.api_id if services.has_saved_credentials() else ""
        return Reach(api_id=api_id)

    def can_send(self) -> bool:
        """Whether messages can go anywhere now: the simulator, or an account with its password."""
        reach = self.reach()
        return reach.sandbox or bool(reach.api_id)

    def client(self, *, max_connections: int = 1) -> LiaSmartClient:
        """A client for the current mode (create it on the thread that uses it)."""
        services = self._services
        settings = services.settings
        return LiaSmartClient(
            services.credentials(),
            base_url=services.base_url(),
            max_connections=max_connections,
            use_system_trust_store=settings.use_system_trust_store,
            require_uid_echo=settings.require_uid_echo,
        )

    def client_options(self) -> ClientOptions:
        """How a sending process connects in the current mode (no credentials when none can be used)."""
        services = self._services
        settings = services.settings
        try:
            credentials: Credentials | None = services.credentials()
        except CredentialError:
            credentials = None
        return ClientOptions(
            credentials,
            base_url=services.base_url(),
            use_system_trust_store=settings.use_system_trust_store,
            require_uid_echo=settings.require_uid_echo,
        )

    @contextmanager
    def open_connection(self, route: Route) -> Iterator[LiaSmartClient]:
        """The connection for a campaign the core has checked against ``reach()`` (the current mode)."""
        with self.client(max_connections=route.pacing.concurrency) as client:
            yield client

    def check_balance(self, owner: QObject, on_done: OnBalance, on_failed: OnError) -> None:
        """Ask for the balance of the current mode; the answer goes to ``owner``'s callbacks."""

        def work(_ctx: TaskContext) -> Balance:
            with self.client() as client:
                return client.check_balance()

        self._services.tasks.run(work, on_done, on_failed, owner=owner)

    def test_connection(
        self, test: ConnectionTest, owner: QObject, on_done: OnBalance, on_failed: OnError
    ) -> None:
        """Check an account's balance with the values typed in Settings (nothing is saved)."""
        services = self._services

        def work(_ctx: TaskContext) -> Balance:
            credentials = (
                Credentials(test.api_id, test.password) if test.password else self._saved(test.api_id)
            )
            with LiaSmartClient(
                credentials,
                base_url=test.base_url,
                max_connections=1,
                use_system_trust_store=test.use_system_trust_store,
                require_uid_echo=test.require_uid_echo,
            ) as client:
                return client.check_balance()

        services.tasks.run(work, on_done, on_failed, owner=owner)

    def _saved(self, api_id: str) -> Credentials:
        """The password already given for the saved API ID: keyring, environment or this session."""
        services = self._services
        if api_id != services.settings.api_id:
            raise CredentialError(CredentialProblem.NO_PASSWORD)
        if not services.sandbox_mode:
            return services.credentials()
        # In sandbox mode ``credentials()`` names the simulator's; the test is about the real account.
        stored = services.stored_password()
        if stored is None:
            raise CredentialError(CredentialProblem.NO_PASSWORD)
        return Credentials(api_id, stored)
