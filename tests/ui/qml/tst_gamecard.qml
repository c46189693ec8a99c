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
            gameState: "P"; clock: ""; progress: 0
            // A scorestrip game: every ESPN role absent.
            downDistance: ""; ballOn: ""; homeTimeouts: -1; visitorTimeouts: -1; lastPlay: ""
            homeWinProbability: -1; venue: ""; venueCity: ""; neutralSite: false; broadcast: ""
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

        // Every pip of a team's timeouts row, and how many of them are solid.
        function timeoutsShown(row) {
            const pips = find(row, "timeoutPips")
            let solid = 0
            for (let i = 0; i < pips.children.length; ++i) {
                if (pips.children[i].objectName === "timeoutPip" && pips.children[i].remaining)
                    ++solid
            }
            return solid
        }

        // `item` lies inside `card` and, when given, left of `limit`: nothing spills or overlaps.
        function verifyInside(card, item, limit) {
            const box = item.mapToItem(card, 0, 0, item.width, item.height)
            verify(box.x >= 0 && box.y >= 0, item.objectName + " starts inside the card")
            verify(box.x + box.width <= card.width + 0.5, item.objectName + " ends inside the card: "
                   + (box.x + box.width) + " > " + card.width)
            verify(box.y + box.height <= card.height + 0.5, item.objectName + " fits the card's height")
            if (limit) {
                const edge = limit.mapToItem(card, 0, 0).x
                verify(box.x + box.width <= edge + 0.5, item.objectName + " stops before " + limit.objectName)
            }
        }

        readonly property string longPlay: "(7:45) (Shotgun) P.Mahomes pass deep middle to T.Kelce to BUF 34 for "
                                           + "22 yards (T.Bernard; D.Hamlin). Buffalo challenged the pass completion "
                                           + "ruling, and the play was Upheld."

        // A live game from the ESPN source at the card's own size: the situation in full, nothing overflowing.
        function test_live_espn_situation() {
            const card = createTemporaryObject(cardComponent, root, {
                homeScore: 17, visitorScore: 14, stateText: "Q3 07:45", isLive: true, gameState: "3",
                clock: "07:45", possession: "KC", downDistance: "3rd & 4", ballOn: "BUF 34", homeTimeouts: 2,
                visitorTimeouts: 3, lastPlay: longPlay, homeWinProbability: 0.62, venue: "Highmark Stadium",
                venueCity: "Orchard Park, NY", broadcast: "CBS" })
            compare(card.width, 340)
            compare(card.height, 172)
            const chip = find(card, "situationChip")
            verify(chip.visible)
            compare(find(card, "situationLabel").text, "3rd & 4 · BUF 34")
            verify(!find(card, "situationLabel").truncated)
            verify(!chip.redZoneAccent)
            verify(!find(card, "redZoneChip").visible)
            verify(find(find(card, "homeRow"), "possessionMarker").visible)
            verify(!find(find(card, "visitorRow"), "possessionMarker").visible)
            // Timeouts left as pips, and each side's chance to win.
            verify(find(find(card, "homeRow"), "timeoutPips").visible)
            compare(timeoutsShown(find(card, "homeRow")), 2)
            compare(timeoutsShown(find(card, "visitorRow")), 3)
            compare(find(find(card, "homeRow"), "winChanceText").text, "62%")
            compare(find(find(card, "visitorRow"), "winChanceText").text, "38%")
            const bar = find(card, "winProbabilityBar")
            verify(bar.visible)
            tryVerify(() => Math.abs(find(bar, "homeShare").width / find(bar, "visitorShare").width - 62 / 38) < 0.05,
                      2000)
            // The last play: one line, elided.
            const play = find(card, "lastPlayText")
            verify(play.visible)
            compare(play.text, longPlay)
            compare(play.lineCount, 1)
            verify(play.truncated)
            verify(!find(card, "detailsText").visible) // the venue waits until after the game
            // Inside the card, nothing on top of anything else, once the rows have been laid out for a frame.
            waitForRendering(card)
            verifyInside(card, find(card, "stateLabel"))
            verifyInside(card, chip, find(card, "favouriteStar"))
            verifyInside(card, play)
            verifyInside(card, bar)
            const rows = [find(card, "visitorRow"), find(card, "homeRow")]
            for (const row of rows) {
                verifyInside(card, row)
                verifyInside(card, find(row, "situationLine"))
            }
            const homeBottom = rows[1].mapToItem(card, 0, rows[1].height).y
            verify(homeBottom <= bar.mapToItem(card, 0, 0).y, "the bar sits below the teams")
            verify(bar.mapToItem(card, 0, bar.height).y <= play.mapToItem(card, 0, 0).y, "the play below the bar")
            verify(play.mapToItem(card, 0, play.height).y <= find(card, "progressTrack").mapToItem(card, 0, 0).y,
                   "the play above the progress track")
            compare(card.Accessible.name.indexOf("ball at BUF 34, 3rd & 4") > 0, true, card.Accessible.name)
        }

        // Inside the red zone the situation is outlined in red; the longest text still fits its header.
        function test_red_zone_situation() {
            const card = createTemporaryObject(cardComponent, root, {
                homeScore: 24, visitorScore: 24, stateText: "OT 10:00", isLive: true, gameState: "5",
                clock: "10:00", possession: "BUF", redZone: true, downDistance: "2nd & Goal", ballOn: "KC 10",
                homeTimeouts: 0, visitorTimeouts: 1, homeWinProbability: 0.31 })
            const chip = find(card, "situationChip")
            verify(chip.visible)
            verify(chip.redZoneAccent)
            verify(chip.border.width > 0)
            compare(find(card, "situationLabel").color, Theme.redZone)
            verify(!find(card, "redZoneChip").visible) // the outline says it
            waitForRendering(card)
            verifyInside(card, chip, find(card, "favouriteStar"))
            compare(timeoutsShown(find(card, "homeRow")), 0)
            verify(find(find(card, "homeRow"), "timeoutPips").visible) // none left is still shown: three hollow
            verify(!find(card, "lastPlayText").visible)
            verify(find(card, "winProbabilityBar").visible)
        }

        // What a screen reader says, in each state.
        function test_accessible_names() {
            let card = createTemporaryObject(cardComponent, root)
            compare(card.Accessible.name, "Bills at Chiefs, Sun 19:00")
            card = createTemporaryObject(cardComponent, root, {
                homeAbbr: "NYG", homeNickname: "Giants", visitorAbbr: "DET", visitorNickname: "Lions",
                homeScore: 17, visitorScore: 21, stateText: "Q4 02:00", isLive: true, gameState: "4",
                clock: "02:00", possession: "DET", ballOn: "NYG 34" })
            compare(card.Accessible.name, "Lions 21, Giants 17, 4th quarter 2:00, Lions ball at NYG 34")
            card = createTemporaryObject(cardComponent, root, {
                homeScore: 20, visitorScore: 17, stateText: "Final/OT", isFinal: true, gameState: "FO",
                favourite: true })
            compare(card.Accessible.name, "Bills 17, Chiefs 20, final after overtime, favourite")
            card = createTemporaryObject(cardComponent, root, {
                homeScore: 3, visitorScore: 0, stateText: "Half", isLive: true, gameState: "H" })
            compare(card.Accessible.name, "Bills 0, Chiefs 3, halftime")
        }

        // A favourite's card is marked; the keyboard's card is outlined.
        function test_favourite_mark_and_focus_ring() {
            const card = createTemporaryObject(cardComponent, root, { favourite: true, current: true })
            verify(find(card, "favouriteMark").visible)
            verify(find(card, "focusRing").visible)
            const plain = createTemporaryObject(cardComponent, root)
            verify(!find(plain, "favouriteMark").visible)
            verify(!find(plain, "focusRing").visible)
        }

        // A scorestrip game has none of the situation: no item for it is shown, and the card is as before.
        function test_scorestrip_game_shows_no_situation() {
            const card = createTemporaryObject(cardComponent, root, {
                homeScore: 14, visitorScore: 10, stateText: "Q2 08:11", isLive: true, gameState: "2",
                clock: "08:11", possession: "BUF", redZone: true })
            verify(!find(card, "situationChip").visible)
            verify(find(card, "redZoneChip").visible)
            for (const name of ["visitorRow", "homeRow"]) {
                const row = find(card, name)
                verify(!find(row, "situationLine").visible)
                verify(!find(row, "timeoutPips").visible)
                verify(!find(row, "winChanceText").visible)
            }
            verify(!find(card, "cardFooter").visible)
            verify(!find(card, "winProbabilityBar").visible)
            verify(!find(card, "lastPlayText").visible)
            verify(!find(card, "detailsText").visible)
            // The teams take the height down to the progress track, as they always have.
            const home = find(card, "homeRow")
            compare(home.height, 50)
            compare(card.Accessible.name, "Bills 10, Chiefs 14, 2nd quarter 8:11, Bills ball, red zone")
        }

        // Before kickoff: who shows it and where, in one line under the teams.
        function test_pregame_broadcast_and_venue() {
            const card = createTemporaryObject(cardComponent, root, {
                broadcast: "NBC/Peacock", venue: "GEHA Field at Arrowhead Stadium", venueCity: "Kansas City, MO" })
            const details = find(card, "detailsText")
            waitForRendering(card)
            verify(details.visible)
            compare(details.text, "NBC/Peacock · GEHA Field at Arrowhead Stadium, Kansas City, MO")
            compare(details.lineCount, 1)
            verifyInside(card, details)
            verify(find(card, "homeRow").mapToItem(card, 0, find(card, "homeRow").height).y
                   <= details.mapToItem(card, 0, 0).y)
            verify(!find(card, "situationChip").visible)
            verify(!find(card, "winProbabilityBar").visible)
            verify(!find(find(card, "homeRow"), "timeoutPips").visible)
        }

        // The final whistle takes the situation away even if the values linger; a neutral site keeps its venue.
        function test_final_hides_the_situation() {
            const card = createTemporaryObject(cardComponent, root, {
                homeScore: 20, visitorScore: 23, stateText: "Final", isFinal: true, downDistance: "1st & 10",
                ballOn: "KC 25", homeTimeouts: 1, visitorTimeouts: 2, lastPlay: "End of game",
                homeWinProbability: 0.01, venue: "Corinthians Arena", venueCity: "Sao Paulo, Brazil",
                broadcast: "YouTube", neutralSite: true })
            verify(!find(card, "situationChip").visible)
            verify(!find(find(card, "homeRow"), "timeoutPips").visible)
            verify(!find(find(card, "visitorRow"), "winChanceText").visible)
            verify(!find(card, "winProbabilityBar").visible)
            verify(!find(card, "lastPlayText").visible)
            compare(find(card, "detailsText").text, "Corinthians Arena, Sao Paulo, Brazil")
            compare(card.matchupText, "BUF vs KC")
            card.neutralSite = false
            verify(!find(card, "detailsText").visible)
            compare(card.matchupText, "BUF at KC")
        }

        // The situation follows the game: a new down, the end of the half, the final whistle.
        function test_situation_follows_the_game() {
            const card = createTemporaryObject(cardComponent, root, {
                homeScore: 7, visitorScore: 3, stateText: "Q2 02:00", isLive: true, gameState: "2", clock: "02:00",
                possession: "KC", downDistance: "1st & 10", ballOn: "KC 25", homeTimeouts: 3, visitorTimeouts: 3 })
            const label = find(card, "situationLabel")
            compare(label.text, "1st & 10 · KC 25")
            card.downDistance = "2nd & 6"
            card.ballOn = "KC 29"
            compare(label.text, "2nd & 6 · KC 29")
            card.downDistance = ""
            card.ballOn = ""
            verify(!find(card, "situationChip").visible)
            card.isLive = false
            card.isFinal = true
            verify(!find(find(card, "homeRow"), "timeoutPips").visible)
        }

        function test_favourite_star() {
            const card = createTemporaryObject(cardComponent, root, { favourite: true })
            const star = find(card, "favouriteStar")
            compare(star.text, "★")
            const spy = createTemporaryObject(spyComponent, root, { target: card, signalName: "favouriteToggled" })
            mouseClick(star)
            compare(spy.count, 1)
        }

        // Click anywhere but the star, or Enter on the focused card: the game page of this game.
        function test_click_and_enter_open_the_game() {
            const card = createTemporaryObject(cardComponent, root, { showFavourite: true })
            const opened = createTemporaryObject(spyComponent, root, { target: card, signalName: "opened" })
            const starred = createTemporaryObject(spyComponent, root, { target: card, signalName: "favouriteToggled" })
            mouseClick(card, card.width / 2, card.height * 0.75)
            compare(opened.count, 1)
            compare(opened.signalArguments[0][0], "2025091401")
            const star = find(card, "favouriteStar")
            mouseClick(star, star.width / 2, star.height / 2)
            compare(starred.count, 1)
            compare(opened.count, 1) // the star keeps its click
            card.forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(opened.count, 2)
            keyClick(Qt.Key_Enter)
            compare(opened.count, 3)
        }
    }
    Component { id: spyComponent; SignalSpy {} }
}
