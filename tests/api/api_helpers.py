"""Shared by the API tests (a module of its own: `conftest` is a name every test folder has)."""

TOKEN = "test-token-0123456789"


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
