"""Where a participant can go when the school's klachtenprocedure did not resolve a klacht.

Copied exactly from Blik op Werk, *Handleiding Keurmerk Inburgeren 2023*
(shared/seeds/002_bff0320cd4950620.txt):

- §1.8 Klachtenlijn: "Voor het doorgeven van klachten over cursusinstellingen die het Keurmerk
  Inburgeren hebben kan contact worden opgenomen via 030 3030 645 of klachten@zoekinburgerschool.nl"
- Bijlage 9, "Het College van Arbitrage": arbitration can be asked only after the school's
  klachtenprocedure was gone through; the Cursist contributes "€ 50,00 euro", returned to the party
  proven right. The handbook gives no separate address for the College: it is Blik op Werk's, so the
  participant is pointed to Blik op Werk's own contact in §1.7: "Voor persoonlijk contact is Blik op
  Werk telefonisch bereikbaar op: 030-291 60 25." and "Algemene informatie is te vinden op
  blikopwerk.nl en blikopinburgering.nl".
- Bijlage 9, outside the klachtenlijn's scope: klachten about the gemeente (PIP, leerroute,
  participatieverklaringstraject, maatschappelijke begeleiding) go to the gemeente; general
  klachten about inburgering go to DUO.
"""

from __future__ import annotations

from decimal import Decimal

KLACHTENLIJN_PHONE = "030 3030 645"
KLACHTENLIJN_EMAIL = "klachten@zoekinburgerschool.nl"
BLIK_OP_WERK_PHONE = "030-291 60 25"
BLIK_OP_WERK_SITE = "blikopinburgering.nl"
ARBITRAGE_CONTRIBUTION_EUR = Decimal("50.00")
# DUO's site for everyone who must inburgeren, with its contact page (bijlage 9: general
# klachten about inburgering are referred to DUO).
DUO_SITE = "inburgeren.nl"
