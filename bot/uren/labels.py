"""Names of lesson kinds, modes, regimes and hour rules (BoW 2.3.3-2.3.6, 4.6, 4.7), for the
participant (every language) and for the PDF and staff (Dutch and English)."""

from __future__ import annotations

from bot.i18n import N_, SN_, Translator

# The rooster's names of the kinds: the msgids of KIND_LABELS in bot/rooster/notices.py (but
# "other"), so each has one translation in locales/<lang>/LC_MESSAGES/inburgerbot.po and a lesson
# is called the same in /rooster, /afmelden and /uren.
KINDS = {
    "NT2": N_("Dutch (NT2)"),
    "KNM": N_("Dutch society (KNM)"),
    "ONA": N_("Work in the Netherlands (ONA)"),
    "alfabetisering": N_("Reading and writing"),
    "MAP": N_("Work and participation (MAP)"),
    "other": N_("Other lessons"),
}
MODES = {"classroom": N_("in class"), "distance": N_("online (distance learning)")}

RULES = {
    "classroom": N_("Hours in class count."),
    "wi2013_no_distance": N_("Online hours do not count for you (Wi2013 law)."),
    "b1_hybrid_ok": N_("Online hours count, because at least half of your hours were in class "
                       "(B1-route)."),
    "b1_hybrid_below_50": N_("Online hours do not count, because less than half of your hours "
                             "were in class (B1-route)."),
    "z_no_distance": N_("Online hours do not count in the Z-route."),
    "onderwijs_no_distance": N_("Online hours do not count in the onderwijsroute."),
    "alfa_no_distance": N_("Online hours of alfabetisering do not count."),
    "ona_supervised": N_("ONA hours with a teacher count."),
    "ona_practice": N_("Written-down ONA practice hours count."),
    "ona_supervised_only": N_("ONA hours without a teacher (homework, e-learning) do not count."),
    "ona_no_distance": N_("Online ONA hours do not count."),
    "not_language": N_("MAP and other lessons are not language lessons and do not count."),
}

# The PDF and the staff read the formal version with the norm it applies.
PDF_KINDS = {"NT2": SN_("NT2"), "KNM": SN_("KNM"), "ONA": SN_("ONA"),
             "alfabetisering": SN_("Literacy"), "MAP": SN_("MAP"), "other": SN_("Other")}
PDF_MODES = {"classroom": SN_("classroom"), "distance": SN_("distance")}
PDF_RULES = {
    "classroom": SN_("classroom hours count"),
    "wi2013_no_distance": SN_("Wi2013: distance hours do not count (BoW 2.3.3)"),
    "b1_hybrid_ok": SN_("B1-route, hybrid with at least 50% classroom: distance hours count "
                        "(BoW 2.3.5)"),
    "b1_hybrid_below_50": SN_("B1-route, less than 50% classroom: distance hours do not count "
                              "(BoW 2.3.5)"),
    "z_no_distance": SN_("Z-route: distance hours do not count toward the 800 hours (BoW 2.3.6)"),
    "onderwijs_no_distance": SN_("Onderwijsroute: distance hours do not count (BoW 2.3.5)"),
    "alfa_no_distance": SN_("Literacy at a distance does not count (BoW 2.3.4)"),
    "ona_supervised": SN_("ONA under direct supervision of a qualified ONA teacher counts "
                          "(BoW 4.7)"),
    "ona_practice": SN_("documented ONA practice hours count (BoW 4.7)"),
    "ona_supervised_only": SN_("ONA without direct supervision (homework, e-learning) does not "
                               "count (BoW 4.7)"),
    "ona_no_distance": SN_("ONA at a distance does not count (BoW 4.7)"),
    "not_language": SN_("not language or KNM hours: does not count (BoW 2.5)"),
}
ROUTES = {"b1": SN_("B1-route"), "z": SN_("Z-route"), "onderwijs": SN_("onderwijsroute")}


def regime_text(tr: Translator, regime: str, route: str | None) -> str:
    """"Wi2013" or "Wi2021, B1-route"."""
    if regime == "wi2013" or route is None:
        return "Wi2013" if regime == "wi2013" else "Wi2021"
    return tr.s_("Wi2021, {route}", route=tr.safe(tr.sf_(ROUTES[route])))


def label(tr: Translator, table: dict, key: str, staff: bool = False) -> str:
    """A name from one of the tables above, as a fragment (a table cell or a value)."""
    text = table.get(key) or table.get("other") or key
    return tr.sf_(text) if staff else tr.f_(text)
