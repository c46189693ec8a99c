import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone
import Endzone.Views

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1440
    height: 900
    visible: true
    title: Navigator.weekLabel ? qsTr("Endzone — %1").arg(Navigator.weekLabel) : qsTr("Endzone")
    color: Theme.window
    visibility: Settings.kiosk ? Window.FullScreen : Window.AutomaticVisibility

    // The state's key (LiveIndicator colours by it) and its name as shown, by LiveController.State.
    readonly property string liveStateName: ({
        [LiveController.Offline]: "Offline", [LiveController.Connecting]: "Connecting",
        [LiveController.Live]: "Live", [LiveController.Reconnecting]: "Reconnecting"
    })[Live.state]
    readonly property string liveStateLabel: ({
        [LiveController.Offline]: qsTr("Offline"), [LiveController.Connecting]: qsTr("Connecting"),
        [LiveController.Live]: qsTr("Live"), [LiveController.Reconnecting]: qsTr("Reconnecting")
    })[Live.state]

    Binding { target: Theme; property: "dark"; value: Settings.theme !== "light" }
    // Type grows with the screen: 1.0 on a laptop, about 2 on a 4K wall, larger still on a kiosk.
    Binding {
        target: Theme; property: "scale"
        value: Settings.kiosk ? Math.max(1.2, Math.min(window.width / 1300, window.height / 760))
                              : Math.max(1.0, Math.min(2.2, window.width / 1800))
    }

    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.card
    palette.alternateBase: Theme.header
    palette.text: Theme.text
    palette.button: Theme.card
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.mid: Theme.cardBorder
    palette.light: Theme.card
    palette.dark: Theme.cardBorder
    palette.placeholderText: Theme.faintText

    header: Loader { sourceComponent: Settings.kiosk ? kioskHeader : desktopHeader }

    Component {
        id: desktopHeader
        ToolBar {
            implicitHeight: Theme.px(52)
            background: Rectangle {
                color: Theme.header
                Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.cardBorder }
            }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.px(16); anchors.rightMargin: Theme.px(8)
                spacing: Theme.px(10)
                Text {
                    text: "ENDZONE"
                    color: Theme.accent
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(20)
                    font.bold: true
                    font.letterSpacing: 3
                }
                TabBar {
                    id: tabs
                    objectName: "pageTabs"
                    Layout.fillHeight: true
                    currentIndex: pages.currentIndex
                    onCurrentIndexChanged: pages.currentIndex = currentIndex
                    background: null
                    Repeater {
                        model: [qsTr("Scoreboard"), qsTr("Standings"), qsTr("Team"), qsTr("Search"), qsTr("Import"),
                                qsTr("Settings")]
                        delegate: PageTab { required property string modelData; text: modelData }
                    }
                }
                Item { Layout.fillWidth: true }
                LiveIndicator {
                    // A narrow window keeps the lamp and the state's name; a wide one adds the last update.
                    stateName: window.liveStateName
                    text: window.width < Theme.px(1100) ? window.liveStateLabel : Live.stateText
                    pixelSize: Theme.px(14)
                }
                NotificationSettings {}
                ToolButton {
                    objectName: "themeButton"
                    text: Theme.dark ? "☀" : "☾"
                    font.pixelSize: Theme.px(18)
                    palette.buttonText: Theme.text
                    onClicked: Settings.theme = Theme.dark ? "light" : "dark"
                    Accessible.name: qsTr("Switch theme")
                }
            }
        }
    }

    Component {
        id: kioskHeader
        KioskHeader {
            weekLabel: Navigator.weekLabel
            focused: KioskGames.focused
            liveOnly: KioskGames.liveOnly
            page: board.page
            pageCount: board.pageCount
            liveStateName: window.liveStateName
            liveText: Live.state === LiveController.Live ? qsTr("Live") : Live.stateText
        }
    }

    StackLayout {
        id: pages
        anchors.fill: parent
        visible: !Settings.kiosk
        ScoreboardPage { objectName: "scoreboardPage"; onGameOpened: (eid) => window.openGame(eid) }
        Loader { active: StackLayout.isCurrentItem; sourceComponent: StandingsPage {} }
        Loader { active: StackLayout.isCurrentItem; sourceComponent: TeamSeasonPage {} }
        Loader { active: StackLayout.isCurrentItem; sourceComponent: SearchPage {} }
        ImportPage {}
        Loader { active: StackLayout.isCurrentItem; sourceComponent: SettingsPage {} }
    }

    KioskBoard {
        id: board
        objectName: "kioskBoard"
        anchors.fill: parent
        anchors.margins: Theme.px(14)
        visible: Settings.kiosk
        model: Settings.kiosk ? KioskGames : null
        pinnedModel: KioskGames.pinnedGames
        hasPinned: Settings.kiosk && KioskGames.hasPinned
        liveOnly: KioskGames.liveOnly
        anyLive: KioskGames.anyLive
        nextMatchup: KioskGames.nextMatchup
        countdown: KioskGames.countdown
        onGameOpened: (eid) => window.openGame(eid)
    }

    // The game page covers the window while a game is open; Esc or Back returns to where focus was.
    property Item focusBeforeGame: null
    function openGame(eid) {
        focusBeforeGame = window.activeFocusItem
        GameDetail.open(eid)
        gamePage.forceActiveFocus()
    }
    function closeGame() {
        GameDetail.close()
        if (focusBeforeGame)
            focusBeforeGame.forceActiveFocus()
        focusBeforeGame = null
    }
    Connections {
        // Another tab chosen while a game is open: the game page gives way.
        target: pages
        function onCurrentIndexChanged() { if (GameDetail.hasGame) window.closeGame() }
    }
    GamePage {
        id: gamePage
        anchors.fill: parent
        visible: GameDetail.hasGame
        z: 1
        onCloseRequested: window.closeGame()
    }

    // Kiosk: no cursor anywhere on the board.
    MouseArea {
        anchors.fill: parent
        enabled: Settings.kiosk
        visible: Settings.kiosk
        hoverEnabled: true
        cursorShape: Qt.BlankCursor
        acceptedButtons: Qt.NoButton
    }
}
