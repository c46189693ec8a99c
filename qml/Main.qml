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
    title: Scoreboard.weekLabel ? "Endzone — " + Scoreboard.weekLabel : "Endzone"
    color: Theme.window
    visibility: Settings.kiosk ? Window.FullScreen : Window.AutomaticVisibility

    readonly property string liveStateName: ["Offline", "Connecting", "Live", "Reconnecting"][Live.state]

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
    palette.highlightedText: "#111722"
    palette.mid: Theme.cardBorder
    palette.light: Theme.card
    palette.dark: Theme.cardBorder
    palette.placeholderText: Theme.faintText

    header: Loader { sourceComponent: Settings.kiosk ? kioskHeader : desktopHeader }

    Component {
        id: desktopHeader
        ToolBar {
            background: Rectangle { color: Theme.header; Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.cardBorder } }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.px(12); anchors.rightMargin: Theme.px(12)
                spacing: Theme.px(12)
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
                    currentIndex: pages.currentIndex
                    onCurrentIndexChanged: pages.currentIndex = currentIndex
                    background: null
                    Repeater {
                        model: [qsTr("Scoreboard"), qsTr("Standings"), qsTr("Team"), qsTr("Search"), qsTr("Import")]
                        delegate: TabButton { required property string modelData; text: modelData; width: implicitWidth + Theme.px(16) }
                    }
                }
                Item { Layout.fillWidth: true }
                WeekNavigator {
                    visible: pages.currentIndex === 0
                    weekLabel: Scoreboard.weekLabel
                    seasonTypeName: Scoreboard.seasonTypeName
                    season: Scoreboard.season
                    atCurrentWeek: Scoreboard.showingCurrentWeek
                    onPreviousRequested: Scoreboard.previousWeek()
                    onNextRequested: Scoreboard.nextWeek()
                    onNowRequested: Scoreboard.showNow()
                    onSeasonTypeRequested: (code) => Scoreboard.showWeek(Scoreboard.season, code, code === "PRE" ? 1 : code === "REG" ? 1 : 18)
                    onSeasonRequested: (season) => Scoreboard.showWeek(season, Scoreboard.seasonType, Scoreboard.week)
                }
                Item { Layout.fillWidth: true }
                LiveIndicator { stateName: window.liveStateName; text: Live.stateText }
                ToolButton {
                    objectName: "themeButton"
                    text: Theme.dark ? "☀" : "☾"
                    font.pixelSize: Theme.px(18)
                    onClicked: Settings.theme = Theme.dark ? "light" : "dark"
                    Accessible.name: qsTr("Switch theme")
                }
            }
        }
    }

    Component {
        id: kioskHeader
        Rectangle {
            height: Theme.px(72)
            color: Theme.header
            Text {
                anchors { left: parent.left; leftMargin: Theme.px(24); verticalCenter: parent.verticalCenter }
                text: "ENDZONE  <font color='" + Theme.text + "'>" + Scoreboard.weekLabel
                      + (KioskGames.focused ? " · " + qsTr("Live & today") : "") + "</font>"
                textFormat: Text.StyledText
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(30)
                font.bold: true
                font.letterSpacing: 2
            }
            Row {
                anchors { right: parent.right; rightMargin: Theme.px(24); verticalCenter: parent.verticalCenter }
                spacing: Theme.px(24)
                Row {
                    spacing: Theme.px(8)
                    anchors.verticalCenter: parent.verticalCenter
                    visible: board.pageCount > 1
                    Repeater {
                        model: board.pageCount
                        delegate: Rectangle {
                            required property int index
                            width: Theme.px(10); height: width; radius: width / 2
                            color: index === board.page ? Theme.accent : Theme.faintText
                        }
                    }
                }
                LiveIndicator { anchors.verticalCenter: parent.verticalCenter; stateName: window.liveStateName; text: Live.stateText }
                Text {
                    id: clock
                    anchors.verticalCenter: parent.verticalCenter
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(30)
                    font.bold: true
                    Timer {
                        interval: 1000; running: true; repeat: true; triggeredOnStart: true
                        onTriggered: clock.text = Qt.formatTime(new Date(), Qt.locale().timeFormat(Locale.ShortFormat))
                    }
                }
            }
        }
    }

    StackLayout {
        id: pages
        anchors.fill: parent
        visible: !Settings.kiosk
        ScoreboardPage { objectName: "scoreboardPage" }
        Loader { active: StackLayout.isCurrentItem; sourceComponent: StandingsPage {} }
        Loader { active: StackLayout.isCurrentItem; sourceComponent: TeamSeasonPage {} }
        Loader { active: StackLayout.isCurrentItem; sourceComponent: SearchPage {} }
        ImportPage {}
    }

    KioskBoard {
        id: board
        objectName: "kioskBoard"
        anchors.fill: parent
        anchors.margins: Theme.px(14)
        visible: Settings.kiosk
        model: Settings.kiosk ? KioskGames : null
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
