from django.urls import include, path

from rebond.api import api
from rebond.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("accounts/", include("rebond.accounts.urls")),
    path("", include("rebond.safety.urls")),
    path("", include("rebond.promises.urls")),
    path("people/", include("rebond.people.urls")),
    path("boundaries/", include("rebond.boundaries.urls")),
    path("measures/", include("rebond.measures.urls")),
    path("", include("rebond.practice.urls")),
    path("journal/", include("rebond.journal.urls")),
    path("", include("rebond.thoughts.urls")),
    path("care/", include("rebond.care.urls")),
    path("", include("rebond.core.urls")),
]

# Error pages on the site's own layout (and JSON under /api/); used when debug is off.
handler400 = "rebond.core.errors.bad_request"
handler403 = "rebond.core.errors.permission_denied"
handler404 = "rebond.core.errors.page_not_found"
handler500 = "rebond.core.errors.server_error"
