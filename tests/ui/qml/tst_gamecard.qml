import QtQuick
import QtTest
import Endzone.Views

// The game card in each state a fan sees.
Item {
    id: root
    width: 800; height: 600

    Component {
        id: cardComponent
        GameCard {
            eid: "2025091401"
            homeAbbr: "KC"; homeNickname: "Chiefs"; homeScore: -1; homeColor: "#E31837"
            visitorAbbr: "BUF"; visitorNickname: "Bills"; visitorScore: -1; visitorColor: "#00338D"
            stateText: "Sun 19:00"; isLive: false; isFinal: false
            possession: ""; redZone: false; favourite: false
        }
    }

    TestCase {
        name: "GameCard"
        when: windowShown

        function find(item, name) {
            return findChild(item, name)
        }

        function test_pregame() {
            const card = createTemporaryObject(cardComponent, root)
            verify(card)
            compare(find(card, "stateLabel").text, "Sun 19:00")
            verify(!find(card, "liveDot").visible)
            verify(!find(card, "redZoneChip").visible)
            verify(!find(find(card, "homeRow"), "possessionMarker").visible)
        }

        function test_live_with_possession_and_red_zone() {
            const card = createTemporaryObject(cardComponent, root, {
                homeScore: 14, visitorScore: 10, stateText: "Q2 08:11", isLive: true,
                possession: "BUF", redZone: true })
            compare(find(card, "stateLabel").text, "Q2 08:11")
            verify(find(card, "liveDot").visible)
            verify(find(card, "redZoneChip").visible)
            verify(find(find(card, "visitorRow"), "possessionMarker").visible)
            verify(!find(find(card, "homeRow"), "possessionMarker").visible)
        }

        function test_states_data() {
            return [
                { tag: "half", stateText: "Half", isLive: true, isFinal: false },
                { tag: "ot", stateText: "OT", isLive: true, isFinal: false },
                { tag: "final", stateText: "Final", isLive: false, isFinal: true },
                { tag: "final-ot", stateText: "Final/OT", isLive: false, isFinal: true },
            ]
        }
        function test_states(data) {
            const card = createTemporaryObject(cardComponent, root, {
                homeScore: 20, visitorScore: 17, stateText: data.stateText, isLive: data.isLive,
                isFinal: data.isFinal, possession: "KC", redZone: true })
            compare(find(card, "stateLabel").text, data.stateText)
            compare(find(card, "liveDot").visible, data.isLive)
            // Markers only while the game is live.
            compare(find(find(card, "homeRow"), "possessionMarker").visible, data.isLive)
        }

        // Possession changes hands in a live game: the football moves, it never shows on both teams.
        function test_possession_changes_hands() {
            const card = createTemporaryObject(cardComponent, root, {
                homeScore: 0, visitorScore: 0, stateText: "Q1 06:39", isLive: true, possession: "BUF" })
            const visitorBall = find(find(card, "visitorRow"), "possessionMarker")
            const homeBall = find(find(card, "homeRow"), "possessionMarker")
            verify(visitorBall.visible)
            verify(!homeBall.visible)
            card.possession = "KC"
            card.redZone = true
            tryVerify(() => homeBall.visible && !visitorBall.visible, 1000)
            card.possession = "BUF"
            tryVerify(() => visitorBall.visible && !homeBall.visible, 1000)
            card.isLive = false
            card.isFinal = true
            tryVerify(() => !visitorBall.visible && !homeBall.visible, 1000)
        }

        function test_score_change_highlights_the_row() {
            const card = createTemporaryObject(cardComponent, root, {
                homeScore: 7, visitorScore: 3, stateText: "Q1 02:00", isLive: true })
            const flash = find(find(card, "homeRow"), "flashBackground")
            compare(flash.opacity, 0)
            card.homeScore = 14
            tryVerify(() => flash.opacity > 0.2, 500)
            tryCompare(flash, "opacity", 0, 3000)
            compare(find(find(card, "visitorRow"), "flashBackground").opacity, 0)
        }

        function test_favourite_star() {
            const card = createTemporaryObject(cardComponent, root, { favourite: true })
            const star = find(card, "favouriteStar")
            compare(star.text, "★")
            const spy = createTemporaryObject(spyComponent, root, { target: card, signalName: "favouriteToggled" })
            mouseClick(star)
            compare(spy.count, 1)
        }
    }
    Component { id: spyComponent; SignalSpy {} }
}
