pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Endzone
import Endzone.Views

// One game in full (GameDetail, opened from a card): the score and where and when it is played, the line
// score by quarter, the drive chart, the win-probability curve, the scoring summary, and the play-by-play
// grouped by drive with a search. It follows the game live, row by row. A scorestrip game shows what exists
// and one line saying that plays need the ESPN source; a summary without plays says so.
Rectangle {
    id: page
    objectName: "gamePage"
    color: Theme.window
    signal closeRequested()

    Keys.onEscapePressed: page.closeRequested()
    Keys.onBackPressed: page.closeRequested()

    component SectionTitle: Text {
        color: Theme.dimText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        font.bold: true
        font.letterSpacing: 1.2
        font.capitalization: Font.AllUppercase
    }
    component Card: Rectangle {
        color: Theme.card
        border.color: Theme.cardBorder
        border.width: 1
        radius: Theme.px(10)
    }

    Rectangle {
        // The score line: back, the two teams and their scores, the state.
        id: top
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: topRow.implicitHeight + infoLine.implicitHeight + Theme.px(24)
        color: Theme.header
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.cardBorder }

        RowLayout {
            id: topRow
            anchors { left: parent.left; right: parent.right; top: parent.top }
            anchors { leftMargin: Theme.px(12); rightMargin: Theme.px(16); topMargin: Theme.px(8) }
            spacing: Theme.px(14)
            ToolButton {
                objectName: "backButton"
                text: qsTr("← Back")
                font.pixelSize: Theme.px(15)
                palette.buttonText: Theme.text
                onClicked: page.closeRequested()
                Accessible.name: qsTr("Back to the scoreboard")
            }
            Text {
                objectName: "matchupText"
                Layout.fillWidth: true
                text: GameDetail.visitorScore >= 0
                      ? qsTr("%1 %2  at  %3 %4").arg(GameDetail.visitorName).arg(GameDetail.visitorScore)
                                                .arg(GameDetail.homeName).arg(GameDetail.homeScore)
                      : qsTr("%1 at %2").arg(GameDetail.visitorName).arg(GameDetail.homeName)
                elide: Text.ElideRight
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                font.bold: true
            }
            Rectangle {
                Layout.preferredHeight: Theme.px(28)
                Layout.preferredWidth: stateLabel.implicitWidth + Theme.px(20)
                radius: height / 2
                color: GameDetail.isLive ? Theme.live : "transparent"
                border.color: GameDetail.isLive ? Theme.live : Theme.cardBorder
                Text {
                    id: stateLabel
                    objectName: "gameStateText"
                    anchors.centerIn: parent
                    text: GameDetail.stateText
                    color: GameDetail.isLive ? "white" : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    font.bold: true
                }
            }
        }
        Text {
            // Kickoff in local time, venue and broadcast: whichever the source has.
            id: infoLine
            objectName: "gameInfoText"
            anchors { left: parent.left; right: parent.right; top: topRow.bottom }
            anchors { leftMargin: Theme.px(24); rightMargin: Theme.px(16); topMargin: Theme.px(4) }
            text: [GameDetail.kickoffText, GameDetail.venue, GameDetail.broadcast].filter(part => part !== "").join("  ·  ")
            elide: Text.ElideRight
            color: Theme.dimText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(13)
        }
    }

    Text {
        // Why some or all of the page is empty, or that a fetch failed: one line.
        id: messageLine
        objectName: "gameMessage"
        anchors { left: parent.left; right: parent.right; top: top.bottom }
        anchors { leftMargin: Theme.px(24); rightMargin: Theme.px(24); topMargin: Theme.px(10) }
        visible: GameDetail.message !== ""
        text: GameDetail.message
        elide: Text.ElideRight
        color: Theme.accent
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
    }

    RowLayout {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        anchors.top: messageLine.visible ? messageLine.bottom : top.bottom
        anchors.margins: Theme.px(14)
        spacing: Theme.px(14)

        ScrollView {
            // Left: line score, charts and scoring summary, scrolling together.
            id: summaryView
            Layout.fillHeight: true
            Layout.fillWidth: true
            Layout.preferredWidth: 6
            contentWidth: availableWidth
            clip: true

            Column {
                id: summaryColumn
                width: summaryView.availableWidth
                spacing: Theme.px(12)

                Card {
                    width: parent.width
                    height: lineScore.implicitHeight + Theme.px(20)
                    Column {
                        // Positioners, not a GridLayout: periods come and go while the page is open.
                        id: lineScore
                        objectName: "lineScore"
                        anchors { fill: parent; margins: Theme.px(10) }
                        spacing: Theme.px(6)
                        readonly property real cell: Theme.px(44)
                        readonly property real nameWidth: width - (GameDetail.lineScore.count + 1) * cell
                        component Cell: Text {
                            width: lineScore.cell
                            horizontalAlignment: Text.AlignHCenter
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(15)
                        }
                        component Name: Text {
                            width: lineScore.nameWidth
                            elide: Text.ElideRight
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(15)
                            font.bold: true
                        }
                        Row {
                            Item { width: lineScore.nameWidth; height: 1 }
                            Repeater {
                                model: GameDetail.lineScore
                                delegate: Cell {
                                    required property string period
                                    text: period
                                    color: Theme.dimText
                                    font.pixelSize: Theme.px(12)
                                }
                            }
                            Cell { text: qsTr("T"); color: Theme.dimText; font.pixelSize: Theme.px(12); font.bold: true }
                        }
                        Row {
                            Name { text: GameDetail.visitorAbbr }
                            Repeater {
                                model: GameDetail.lineScore
                                delegate: Cell {
                                    required property int visitorPoints
                                    text: visitorPoints >= 0 ? visitorPoints : "–"
                                }
                            }
                            Cell { text: GameDetail.visitorScore >= 0 ? GameDetail.visitorScore : "–"; font.bold: true }
                        }
                        Row {
                            Name { text: GameDetail.homeAbbr }
                            Repeater {
                                model: GameDetail.lineScore
                                delegate: Cell {
                                    required property int homePoints
                                    text: homePoints >= 0 ? homePoints : "–"
                                }
                            }
                            Cell { text: GameDetail.homeScore >= 0 ? GameDetail.homeScore : "–"; font.bold: true }
                        }
                    }
                }

                SectionTitle { text: qsTr("Drive chart"); visible: GameDetail.drives.count > 0 }
                Card {
                    width: parent.width
                    height: driveChart.implicitHeight + Theme.px(20)
                    visible: GameDetail.drives.count > 0
                    DriveChart {
                        id: driveChart
                        objectName: "driveChart"
                        anchors { fill: parent; margins: Theme.px(10) }
                        model: GameDetail.drives
                        live: GameDetail.isLive
                        homeAbbr: GameDetail.homeAbbr
                        visitorAbbr: GameDetail.visitorAbbr
                    }
                }

                SectionTitle { text: qsTr("Win probability"); visible: GameDetail.winProbability.count > 1 }
                Card {
                    width: parent.width
                    height: Theme.px(170)
                    visible: GameDetail.winProbability.count > 1
                    WinProbabilityChart {
                        id: winChart
                        objectName: "winProbabilityChart"
                        anchors { fill: parent; margins: Theme.px(10) }
                        points: GameDetail.winProbability.points
                        homeAbbr: GameDetail.homeAbbr
                        visitorAbbr: GameDetail.visitorAbbr
                    }
                }

                SectionTitle { text: qsTr("Scoring summary"); visible: GameDetail.scoringPlays.count > 0 }
                Repeater {
                    id: scoring
                    model: GameDetail.scoringPlays
                    delegate: Card {
                        id: scoringRow
                        required property string team
                        required property color teamColor
                        required property string scoringType
                        required property string text
                        required property string period
                        required property string clock
                        required property int visitorScore
                        required property int homeScore
                        width: summaryColumn.width
                        height: scoringText.y + scoringText.implicitHeight + Theme.px(8)
                        Rectangle {
                            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 1 }
                            width: Theme.px(5)
                            radius: Theme.px(2)
                            color: Qt.tint(scoringRow.teamColor, Qt.rgba(1, 1, 1, Theme.teamBarLift))
                        }
                        Text {
                            id: scoringScore
                            anchors { right: parent.right; top: parent.top; rightMargin: Theme.px(12); topMargin: Theme.px(8) }
                            text: qsTr("%1 %2 – %3 %4").arg(GameDetail.visitorAbbr).arg(scoringRow.visitorScore)
                                                      .arg(scoringRow.homeScore).arg(GameDetail.homeAbbr)
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(13)
                            font.bold: true
                        }
                        Text {
                            anchors { left: parent.left; right: scoringScore.left; top: parent.top }
                            anchors { leftMargin: Theme.px(16); rightMargin: Theme.px(10); topMargin: Theme.px(8) }
                            text: qsTr("%1 · %2 · Q%3 %4").arg(scoringRow.team).arg(scoringRow.scoringType)
                                                          .arg(scoringRow.period).arg(scoringRow.clock)
                            elide: Text.ElideRight
                            color: Theme.dimText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(12)
                            font.bold: true
                        }
                        Text {
                            id: scoringText
                            anchors { left: parent.left; right: parent.right; top: scoringScore.bottom }
                            anchors { leftMargin: Theme.px(16); rightMargin: Theme.px(12); topMargin: Theme.px(2) }
                            text: scoringRow.text
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(13)
                        }
                    }
                }
            }
        }

        ColumnLayout {
            // Right: the play-by-play, grouped by drive, searchable.
            Layout.fillHeight: true
            Layout.fillWidth: true
            Layout.preferredWidth: 5
            spacing: Theme.px(8)
            visible: GameDetail.hasPlays

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.px(10)
                SectionTitle { text: qsTr("Play by play") }
                TextField {
                    id: search
                    objectName: "playSearch"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Search plays")
                    font.pixelSize: Theme.px(14)
                    color: Theme.text
                    onTextChanged: GameDetail.plays.search = text
                    Keys.onEscapePressed: (event) => {
                        if (text !== "") { text = ""; event.accepted = true } else { page.closeRequested() }
                    }
                    Component.onCompleted: text = GameDetail.plays.search
                }
                Text {
                    text: qsTr("%n play(s)", "", GameDetail.plays.count)
                    color: Theme.dimText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(12)
                }
            }

            ListView {
                id: plays
                objectName: "playList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: GameDetail.plays
                spacing: Theme.px(2)
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                section.property: "driveLabel"
                section.criteria: ViewSection.FullString
                // Each drive's first play carries the drive's header (a section delegate fails to create in
                // Qt 6.4 under ComponentBehavior: Bound, so the grouping is drawn by the delegate itself).
                delegate: Item {
                    id: playRow
                    required property string driveLabel
                    readonly property bool startsDrive: ListView.section !== ListView.previousSection
                    required property string period
                    required property string clock
                    required property string playType
                    required property string text
                    required property string downDistance
                    required property bool scoring
                    width: plays.width
                    height: driveHeader.height + playColumn.implicitHeight + Theme.px(8)
                    Rectangle {
                        id: driveHeader
                        objectName: "driveHeader"
                        visible: playRow.startsDrive
                        width: parent.width
                        height: playRow.startsDrive ? driveHeaderText.implicitHeight + Theme.px(10) : 0
                        color: Theme.header
                        Text {
                            id: driveHeaderText
                            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
                            anchors { leftMargin: Theme.px(8); rightMargin: Theme.px(8) }
                            text: playRow.driveLabel
                            elide: Text.ElideRight
                            color: Theme.accent
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(13)
                            font.bold: true
                        }
                    }
                    Rectangle {
                        visible: playRow.scoring
                        anchors { left: parent.left; top: driveHeader.bottom; bottom: parent.bottom }
                        width: Theme.px(3)
                        color: Theme.good
                    }
                    Text {
                        id: clockText
                        x: Theme.px(8)
                        y: driveHeader.height + Theme.px(4)
                        width: Theme.px(70)
                        text: playRow.period !== "" ? qsTr("Q%1 %2").arg(playRow.period).arg(playRow.clock) : playRow.clock
                        color: Theme.dimText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                    }
                    Column {
                        id: playColumn
                        anchors { left: clockText.right; right: parent.right; top: driveHeader.bottom }
                        anchors { topMargin: Theme.px(4); rightMargin: Theme.px(8) }
                        spacing: Theme.px(1)
                        Text {
                            width: parent.width
                            visible: text !== ""
                            text: [playRow.downDistance, playRow.playType].filter(part => part !== "").join("  ·  ")
                            elide: Text.ElideRight
                            color: Theme.dimText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(11)
                        }
                        Text {
                            width: parent.width
                            text: playRow.text
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(13)
                            font.bold: playRow.scoring
                        }
                    }
                }
            }
        }
    }
}
