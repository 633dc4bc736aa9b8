"""The JSON API: one NinjaAPI, a router per app. OpenAPI 3.1 at /api/openapi.json."""

from ninja import NinjaAPI

from hearth.accounts.api import router as me_router
from hearth.appreciation.api import cared_for_router
from hearth.appreciation.api import router as appreciation_router
from hearth.checkins.api import router as checkins_router
from hearth.coach.api import router as coach_router
from hearth.content.api import router as content_router
from hearth.core.api import AUTH, install_error_handlers
from hearth.couples.api import router as pairing_router
from hearth.deeptalk.api import router as deeptalk_router
from hearth.empathy.api import router as perspective_router
from hearth.goodnews.api import router as good_news_router
from hearth.listening.api import router as listening_router
from hearth.questions.api import answers_router
from hearth.questions.api import router as questions_router
from hearth.stateofus.api import router as stateofus_router

api = NinjaAPI(
    title="Hearth API",
    version="1.0.0",
    description=(
        "Everything the Hearth web pages do, as JSON. Authenticate with the browser "
        "session (send the CSRF token on writes) or a personal access token from "
        "Settings → API tokens, as `Authorization: Bearer <token>`. Objects you may "
        "not see answer 404."
    ),
    auth=AUTH,
    urls_namespace="api",
)
install_error_handlers(api)

api.add_router("/me", me_router)
api.add_router("/pairing", pairing_router)
api.add_router("/checkins", checkins_router)
api.add_router("/questions", questions_router)
api.add_router("/", answers_router)
api.add_router("/listening", listening_router)
api.add_router("/perspective", perspective_router)
api.add_router("/deep-talk", deeptalk_router)
api.add_router("/appreciations", appreciation_router)
api.add_router("/cared-for", cared_for_router)
api.add_router("/good-news", good_news_router)
api.add_router("/state-of-us", stateofus_router)
api.add_router("/coach", coach_router)
api.add_router("/content", content_router)
