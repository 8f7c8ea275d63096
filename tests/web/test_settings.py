"""Server settings are declared data: defaults, the token from the environment, no leaks."""

from __future__ import annotations

import pytest

from sitrep.web import Settings


def test_defaults_bind_loopback_read_only() -> None:
    settings = Settings()
    assert settings.host == "127.0.0.1" and settings.read_only


def test_token_from_environment_unless_given() -> None:
    assert Settings.from_env({"SITREP_TOKEN": "env"}).token == "env"
    assert Settings.from_env({"SITREP_TOKEN": "env"}, token="flag").token == "flag"
    assert Settings.from_env({}, port=None).port == 8000  # None means "not given"
    assert not Settings.from_env({"SITREP_TOKEN": ""}).token


def test_unknown_setting_is_refused() -> None:
    with pytest.raises(TypeError, match="colour"):
        Settings.from_env({}, colour="red")


def test_describe_never_shows_the_token() -> None:
    shown = Settings(token="secret").describe()
    assert "token" not in shown and shown["read_only"] is False
    assert "secret" not in repr(shown) and "secret" not in repr(Settings(token="secret"))


@pytest.mark.parametrize("bad", [{"port": 70000}, {"timeout": 0}, {"max_body_bytes": -1},
                                 {"default_limit": 2000}, {"max_chars": 0}])
def test_bad_values_are_refused_with_e710(bad: dict[str, object]) -> None:
    from sitrep.errors import SitrepError

    with pytest.raises(SitrepError) as raised:
        Settings(**bad)  # type: ignore[arg-type]
    assert raised.value.code == "E710"
