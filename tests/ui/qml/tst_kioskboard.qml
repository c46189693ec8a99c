import QtQuick
import QtTest
import Endzone.Views

// The kiosk pages through games that do not fit, and wraps around.
Item {
    id: root
    width: 1000; height: 500

    ListModel { id: games }
    ListModel { id: pinnedGames }

    KioskBoard {
        id: board
        anchors.fill: parent
        autoPage: false
        model: games
    }

    TestCase {
        name: "KioskBoard"
        when: windowShown

        // A live scorestrip game with every role of the scoreboard, `changes` on top.
        function row(changes) {
            return Object.assign({ eid: "g", homeAbbr: "KC", homeNickname: "Chiefs", homeScore: 0, homeColor: "#E31837",
                                   visitorAbbr: "BUF", visitorNickname: "Bills", visitorScore: 0, visitorColor: "#00338D",
                                   stateText: "Q1 10:00", isLive: true, isFinal: false, possession: "KC",
                                   redZone: false, favourite: false, gameState: "1", clock: "10:00", progress: 0.0833,
                                   downDistance: "", ballOn: "", homeTimeouts: -1, visitorTimeouts: -1, lastPlay: "",
                                   homeWinProbability: -1, venue: "", venueCity: "", neutralSite: false, broadcast: "" },
                                 changes)
        }

        function fill(n) {
            games.clear()
            for (let i = 0; i < n; ++i)
                games.append(row({ eid: "g" + i, homeScore: i }))
        }

        function test_everything_fits_on_one_page() {
            fill(board.capacity)
            tryCompare(board, "pageCount", 1)
            board.nextPage()
            compare(board.page, 0)
        }

        function test_pages_and_wraps() {
            verify(board.capacity >= 2)
            fill(board.capacity * 2 + 1)
            tryCompare(board, "perPage", board.capacity)
            tryCompare(board, "pageCount", 3)
            board.page = 0
            board.nextPage()
            compare(board.page, 1)
            compare(board.firstIndexOnPage(), board.perPage)
            const grid = findChild(board, "kioskGrid")
            tryVerify(() => Math.abs(grid.contentY - board.rows * grid.cellHeight) < 1, 2000)
            board.nextPage()
            board.nextPage()
            compare(board.page, 0)
        }

        function test_auto_paging_timer() {
            fill(board.capacity * 2)
            board.page = 0
            board.interval = 100
            board.autoPage = true
            tryCompare(board, "page", 1, 2000)
            board.autoPage = false
        }

        // A few games get bigger cards: the grid that holds them all with the largest cells.
        function test_few_games_fill_the_board() {
            fill(2)
            tryCompare(board, "pageCount", 1)
            tryVerify(() => board.columns * board.rows >= 2 && board.perPage < board.capacity, 2000)
            const grid = findChild(board, "kioskGrid")
            tryVerify(() => grid.cellWidth >= board.width / 2 - 1, 2000)
        }

        // A pinned favourite keeps a large card on the left; the others page in what is left, beside it.
        function test_pinned_game_beside_the_paged_grid() {
            fill(6)
            pinnedGames.clear()
            pinnedGames.append(row({ eid: "p", homeAbbr: "DET", homeNickname: "Lions", homeScore: 21, homeColor: "#0076B6",
                                     visitorAbbr: "NYG", visitorNickname: "Giants", visitorScore: 17,
                                     visitorColor: "#0B2265", stateText: "Q4 02:00", gameState: "4", clock: "02:00",
                                     progress: 0.9667, possession: "DET", favourite: true }))
            board.pinnedModel = pinnedGames
            board.hasPinned = true
            const pinned = findChild(board, "pinnedCard")
            const grid = findChild(board, "kioskGrid")
            tryVerify(() => pinned.visible && pinned.width > 0, 2000)
            compare(pinned.homeScore, 21)
            compare(pinned.Accessible.name, "Giants 17, Lions 21, 4th quarter 2:00, Lions ball, favourite")
            const pinnedRight = pinned.mapToItem(board, pinned.width, 0).x
            verify(pinnedRight <= grid.mapToItem(board, 0, 0).x + 0.5, "the pinned card stays clear of the grid")
            const margin = 2 * Theme.px(12)
            verify(pinned.height >= grid.cellHeight - margin, "the pinned card is at least as tall as a paged one")
            verify(board.capacity >= 1)
            board.hasPinned = false
            pinnedGames.clear()
            tryVerify(() => grid.mapToItem(board, 0, 0).x < 1, 2000)
        }

        // Live-only with nothing live: the countdown banner above today's finals, never over them.
        function test_next_kickoff_banner_above_the_finals() {
            fill(2)
            board.liveOnly = true
            board.anyLive = false
            board.nextMatchup = "DET @ NYG"
            board.countdown = "0:01:30"
            const banner = findChild(board, "nextKickoffBanner")
            const grid = findChild(board, "kioskGrid")
            tryVerify(() => banner.visible && banner.height > 0, 2000)
            compare(findChild(board, "countdownText").text, "0:01:30")
            verify(findChild(board, "finalsTitle").visible)
            verify(banner.mapToItem(board, 0, banner.height).y <= grid.mapToItem(board, 0, 0).y + 0.5)
            verify(!findChild(board, "nothingLiveText").truncated)
            board.anyLive = true
            tryVerify(() => !banner.visible, 2000)
            board.liveOnly = false
        }

        function test_shrinking_list_resets_the_page() {
            fill(board.capacity * 3)
            tryCompare(board, "pageCount", 3)
            board.page = 2
            fill(1)
            tryCompare(board, "page", 0)
        }
    }
}
