"""Store, read back and remove a non-ASCII password through the project's credential code.

Run inside a D-Bus session with an unlocked gnome-keyring (see
tests/core/test_keyring_secret_service.py). Prints one JSON object; never prints the password.
"""

from __future__ import annotations

import json
import sys
import uuid

from liasmart_desktop.core.credentials import delete_password, keyring_status, read_password, save_password


def main() -> int:
    """Do the round trip and report what happened."""
    api_id = f"API-roundtrip-{uuid.uuid4().hex[:8]}"
    password = f"s3cret-密钥-{uuid.uuid4().hex[:6]}-é😀"
    status = keyring_status()
    report: dict[str, object] = {"backend": status.backend, "secure": status.secure}
    save_password(api_id, password)
    report["read_back_equal"] = read_password(api_id) == password
    report["deleted"] = delete_password(api_id)
    report["gone_after_delete"] = read_password(api_id) is None
    report["second_delete"] = delete_password(api_id)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
