from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rebond.accounts"
    label = "accounts"

    def ready(self) -> None:
        from rebond.accounts import ownership  # noqa: F401  (registers the exporter and deleter)
