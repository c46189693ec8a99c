// DetailRefreshPolicy: the one rule for fetching a game's ESPN summary, with a fake clock.
#include "detailrefreshpolicy.h"
#include "testgames.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Endzone;
using namespace std::chrono_literals;

class DetailRefreshPolicyTest : public QObject
{
    Q_OBJECT

    static Game espn(GameState state)
    {
        auto game = Test::scheduledGame(u"2025091401"_s, u"DAL"_s, u"LAR"_s, 13);
        game.state = state;
        game.espnId = u"401547505"_s;
        return game;
    }
    static GameDetail detail(const QString &state)
    {
        GameDetail d;
        d.state = state;
        return d;
    }

private Q_SLOTS:
    void scorestripNeverFetches()
    {
        DetailRefreshPolicy policy;
        QVERIFY(!policy.wantsSummary(false, espn(GameState::Quarter2), std::nullopt));
        QVERIFY(!policy.wantsSummary(false, std::nullopt, std::nullopt));
        auto scorestripOnly = espn(GameState::Quarter2);
        scorestripOnly.espnId.clear();
        QVERIFY(!policy.wantsSummary(true, scorestripOnly, std::nullopt));
    }

    void missingGameOrDetailFetches()
    {
        DetailRefreshPolicy policy;
        QVERIFY(policy.wantsSummary(true, std::nullopt, std::nullopt));
        QVERIFY(policy.wantsSummary(true, espn(GameState::Pregame), std::nullopt));
        QVERIFY(policy.wantsSummary(true, espn(GameState::Final), std::nullopt));
        QVERIFY(!policy.wantsSummary(true, espn(GameState::Pregame), detail(u"pre"_s)));
    }

    void liveAtMostEveryTenSeconds()
    {
        std::chrono::milliseconds now = 1000s;
        DetailRefreshPolicy policy([&now] { return now; });
        const auto game = espn(GameState::Quarter3);
        const auto stored = detail(u"in"_s);
        QVERIFY(policy.wantsSummary(true, game, stored));
        policy.noteFetch(game.espnId);
        QVERIFY(!policy.wantsSummary(true, game, stored));
        QCOMPARE(policy.msUntilRefresh(game.espnId), DetailRefreshPolicy::LiveRefreshMs);
        now += 9999ms;
        QVERIFY(!policy.wantsSummary(true, game, stored));
        QCOMPARE(policy.msUntilRefresh(game.espnId), 1);
        now += 1ms;
        QVERIFY(policy.wantsSummary(true, game, stored));
        QCOMPARE(policy.msUntilRefresh(game.espnId), 0);
        // Another game has its own window.
        auto other = game;
        other.espnId = u"401547506"_s;
        policy.noteFetch(game.espnId);
        QVERIFY(policy.wantsSummary(true, other, stored));
    }

    void onceMoreWhenFinal()
    {
        std::chrono::milliseconds now = 0ms;
        DetailRefreshPolicy policy([&now] { return now; });
        const auto game = espn(GameState::Final);
        policy.noteFetch(game.espnId); // just fetched while live: final still asks once
        QVERIFY(policy.wantsSummary(true, game, detail(u"in"_s)));
        QVERIFY(!policy.wantsSummary(true, game, detail(u"post"_s)));
        QVERIFY(!policy.wantsSummary(true, espn(GameState::FinalOvertime), detail(u"post"_s)));
    }
};

QTEST_GUILESS_MAIN(DetailRefreshPolicyTest)
#include "detailrefreshpolicytest.moc"
