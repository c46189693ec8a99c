pragma ComponentBehavior: Bound
import QtQuick
import Endzone.Views

// One game as a fan reads it across a room: visitor over home on their clubs' colours, big scores, the
// state in plain words (a red LIVE pill with the quarter and clock, FINAL, or the local kickoff), who has
// the ball, whether they are in the red zone, and how far the game has run. A score that goes up flashes.
// A game from the ESPN source says more while live: down and distance with the ball's spot next to the
// state (outlined in red inside the red zone), timeouts and chance to win under each team, the last play,
// and a bar of the win probability; before kickoff, who shows it and where. A scorestrip game has none of
// these and its card stays as it was: every missing field is simply absent.
Item {
    id: card
    objectName: "gameCard"

    // The scoreboard's roles (ScoreboardModel): the card is the delegate of the scoreboard's and the kiosk's
    // grids and of the kiosk's pinned game. The ESPN-only roles say "absent" with "" or -1 (a scorestrip game).
    required property string eid
    required property string homeAbbr
    required property string homeNickname
    required property int homeScore
    required property color homeColor
    required property string visitorAbbr
    required property string visitorNickname
    required property int visitorScore
    required property color visitorColor
    required property string stateText
    required property bool isLive
    required property bool isFinal
    required property string possession
    required property bool redZone
    required property bool favourite
    required property string gameState // the feed's code: "P", "1".."5", "H", "F", "FO"
    required property string clock
    required property real progress // share of regulation played, 0..1 (Game::progress)
    required property string downDistance // "3rd & 4"
    required property string ballOn // "DET 34"
    required property int homeTimeouts
    required property int visitorTimeouts
    required property string lastPlay
    required property real homeWinProbability
    required property string venue
    required property string venueCity
    required property bool neutralSite
    required property string broadcast

    // The space kept clear around the card inside a grid's cell.
    property real inset: 0
    property bool showFavourite: true
    // The card the keyboard is on (arrows move it, F toggles its favourite): outlined in the accent colour.
    property bool current: false
    // The star was clicked: which of the game's teams it toggles is the favourites owner's rule.
    signal favouriteToggled()
    // Click or Enter: the game page of this game.
    signal opened(string eid)

    readonly property bool started: homeScore >= 0 && visitorScore >= 0
    readonly property int leader: !started || homeScore === visitorScore ? 0 : (homeScore > visitorScore ? 1 : -1)

    // "3rd & 4 · DET 34", or whichever half is known; empty unless live.
    readonly property string situationText: {
        if (!isLive)
            return ""
        if (downDistance !== "" && ballOn !== "")
            return qsTr("%1 · %2").arg(downDistance).arg(ballOn)
        return downDistance !== "" ? downDistance : ballOn
    }
    readonly property bool hasWinProbability: isLive && homeWinProbability >= 0
    // Before kickoff: the channel and the venue; after a neutral-site game, where it was played.
    readonly property string detailsText: {
        if (isLive)
            return ""
        const place = venue !== "" && venueCity !== "" ? qsTr("%1, %2").arg(venue).arg(venueCity) : venue
        if (isFinal)
            return neutralSite ? place : ""
        const parts = [broadcast, place].filter(part => part !== "")
        return parts.join(" · ")
    }
    // The matchup in words: at a neutral site neither side is at home.
    readonly property string matchupText: neutralSite ? qsTr("%1 vs %2").arg(visitorAbbr).arg(homeAbbr)
                                                      : qsTr("%1 at %2").arg(visitorAbbr).arg(homeAbbr)

    // Kiosk cells are larger than a card needs: the header grows with them.
    readonly property real fit: Math.max(1, Math.min(face.width / Theme.cardWidth, face.height / Theme.cardHeight))

    implicitWidth: Theme.cardWidth + 2 * inset
    implicitHeight: Theme.cardHeight + 2 * inset
    // What a screen reader says: "Bills 10, Chiefs 14, 2nd quarter 8:11, Chiefs ball at BUF 34, 3rd & 4".
    function teamName(abbr) {
        if (abbr === homeAbbr && homeNickname !== "")
            return homeNickname
        if (abbr === visitorAbbr && visitorNickname !== "")
            return visitorNickname
        return abbr
    }
    readonly property string spokenState: {
        const time = clock.replace(/^0(\d)/, "$1")
        const quarters = { "1": qsTr("1st quarter"), "2": qsTr("2nd quarter"), "3": qsTr("3rd quarter"),
                           "4": qsTr("4th quarter"), "5": qsTr("overtime") }
        if (isLive && gameState === "H")
            return qsTr("halftime")
        if (isLive && quarters[gameState] !== undefined)
            return time !== "" ? qsTr("%1 %2").arg(quarters[gameState]).arg(time) : quarters[gameState]
        if (isFinal)
            return gameState === "FO" ? qsTr("final after overtime") : qsTr("final")
        return stateText
    }
    readonly property string spokenSituation: {
        if (!isLive || possession === "")
            return ""
        const ball = ballOn !== "" ? qsTr("%1 ball at %2").arg(teamName(possession)).arg(ballOn)
                                   : qsTr("%1 ball").arg(teamName(possession))
        return [ball, downDistance, redZone ? qsTr("red zone") : ""].filter(part => part !== "").join(", ")
    }
    readonly property string accessibleText: {
        const teams = started
            ? qsTr("%1 %2, %3 %4").arg(teamName(visitorAbbr)).arg(visitorScore).arg(teamName(homeAbbr)).arg(homeScore)
            : (neutralSite ? qsTr("%1 vs %2") : qsTr("%1 at %2")).arg(teamName(visitorAbbr)).arg(teamName(homeAbbr))
        return [teams, card.spokenState, card.spokenSituation, card.detailsText, card.favourite ? qsTr("favourite") : ""]
            .filter(part => part !== "").join(", ")
    }
    Accessible.role: Accessible.Grouping
    Accessible.name: accessibleText
    Accessible.focusable: true
    Accessible.focused: current || activeFocus
    activeFocusOnTab: true
    Keys.onReturnPressed: card.opened(card.eid)
    Keys.onEnterPressed: card.opened(card.eid)

    Rectangle {
        id: face
        anchors.fill: parent
        anchors.margins: card.inset
        radius: Theme.cardRadius
        color: Theme.card
        border.width: card.redZone ? Math.max(2, Theme.px(2)) : 1
        border.color: card.redZone ? Theme.redZone : (card.isLive ? Theme.liveBorder : Theme.cardBorder)

        MouseArea {
            // Under everything else, so the star keeps its own click.
            objectName: "openArea"
            anchors.fill: parent
            cursorShape: Qt.PointingHandCursor
            onClicked: card.opened(card.eid)
        }
        Rectangle {
            // A favourite's card is marked down its left edge, on the scoreboard and the kiosk alike.
            objectName: "favouriteMark"
            visible: card.favourite
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: face.border.width }
            width: Math.max(3, Theme.px(5))
            radius: width / 2
            color: Theme.accent
        }
        Rectangle {
            // The keyboard's current card (arrows on the scoreboard) or the focused one (Tab).
            objectName: "focusRing"
            visible: card.current || card.activeFocus
            anchors.fill: parent
            anchors.margins: -Math.max(2, Theme.px(3))
            radius: face.radius + Math.max(2, Theme.px(3))
            color: "transparent"
            border.width: Math.max(2, Theme.px(3))
            border.color: Theme.accent
        }

        Item {
            id: header
            anchors { left: parent.left; right: parent.right; top: parent.top }
            anchors { leftMargin: Theme.px(14); rightMargin: Theme.px(12); topMargin: Theme.px(12) }
            height: Math.round(Theme.px(26) * card.fit)

            Rectangle {
                // LIVE: a red pill, so live games stand out from across the room.
                id: statePill
                anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                height: parent.height
                width: stateRow.implicitWidth + (card.isLive ? Theme.px(20) : 0)
                radius: height / 2
                color: card.isLive ? Theme.live : "transparent"
                Row {
                    id: stateRow
                    anchors.centerIn: parent
                    spacing: Theme.px(7)
                    Rectangle {
                        id: liveDot
                        objectName: "liveDot"
                        visible: card.isLive
                        anchors.verticalCenter: parent.verticalCenter
                        width: Math.round(Theme.px(8) * card.fit); height: width; radius: width / 2
                        color: Theme.liveText
                        SequentialAnimation on opacity {
                            running: card.isLive
                            loops: Animation.Infinite
                            NumberAnimation { to: 0.2; duration: Theme.pulseDuration; easing.type: Easing.InOutQuad }
                            NumberAnimation { to: 1.0; duration: Theme.pulseDuration; easing.type: Easing.InOutQuad }
                        }
                    }
                    Text {
                        objectName: "stateLabel"
                        anchors.verticalCenter: parent.verticalCenter
                        text: card.stateText
                        color: card.isLive ? Theme.liveText : (card.isFinal ? Theme.dimText : Theme.text)
                        font.family: Theme.fontFamily
                        font.pixelSize: Math.round(Theme.px(15) * card.fit)
                        font.bold: true
                        font.letterSpacing: card.isFinal ? 1.5 : 0.4
                        font.capitalization: card.isFinal ? Font.AllUppercase : Font.MixedCase
                    }
                }
            }

            Rectangle {
                // Down, distance and spot, right after the clock; inside the red zone it is outlined in red
                // (and takes the place of the RED ZONE chip, which would not fit beside it).
                id: situationChip
                objectName: "situationChip"
                readonly property bool redZoneAccent: card.redZone
                visible: card.situationText !== ""
                anchors { left: statePill.right; leftMargin: Theme.px(6); verticalCenter: parent.verticalCenter }
                height: Math.round(Theme.px(24) * card.fit)
                // The label's natural width comes from TextMetrics: an eliding Text's implicitWidth can stay at the
                // width it was first laid out with when the font grows with a kiosk cell.
                width: Math.max(0, Math.min(Math.ceil(situationMetrics.advanceWidth) + Theme.px(16) + 1,
                                            headerRight.x - x - Theme.px(6)))
                radius: height / 2
                color: "transparent"
                border.color: Theme.redZone
                border.width: redZoneAccent ? Math.max(1, Theme.px(2)) : 0
                TextMetrics {
                    id: situationMetrics
                    font: situationLabel.font
                    text: situationLabel.text
                }
                Text {
                    id: situationLabel
                    objectName: "situationLabel"
                    anchors { fill: parent; leftMargin: Theme.px(8); rightMargin: Theme.px(8) }
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: Text.AlignHCenter
                    text: card.situationText
                    elide: Text.ElideRight
                    color: situationChip.redZoneAccent ? Theme.redZone : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(Theme.px(13) * card.fit)
                    font.bold: true
                }
            }

            Row {
                id: headerRight
                anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                spacing: Theme.px(8)
                Rectangle {
                    objectName: "redZoneChip"
                    visible: card.redZone && !situationChip.visible
                    anchors.verticalCenter: parent.verticalCenter
                    radius: height / 2
                    height: Math.round(Theme.px(24) * card.fit)
                    width: redZoneText.implicitWidth + Theme.px(16)
                    color: "transparent"
                    border.color: Theme.redZone
                    border.width: Math.max(1, Theme.px(2))
                    Text {
                        id: redZoneText
                        anchors.centerIn: parent
                        text: qsTr("RED ZONE")
                        color: Theme.redZone
                        font.family: Theme.fontFamily
                        font.pixelSize: Math.round(Theme.px(12) * card.fit)
                        font.bold: true
                        font.letterSpacing: 1
                    }
                }
                Text {
                    objectName: "favouriteStar"
                    visible: card.showFavourite || card.favourite
                    anchors.verticalCenter: parent.verticalCenter
                    text: card.favourite ? "★" : "☆"
                    color: card.favourite ? Theme.accent : Theme.faintText
                    font.pixelSize: Theme.px(20)
                    MouseArea {
                        anchors.fill: parent
                        anchors.margins: -Theme.px(6)
                        enabled: card.showFavourite
                        onClicked: card.favouriteToggled()
                    }
                }
            }
        }

        Column {
            // The two lines share whatever height the grid gives the card (kiosk cells are taller).
            id: rows
            anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: footer.visible ? footer.top : track.top }
            anchors { leftMargin: Theme.px(8); rightMargin: Theme.px(8); topMargin: Theme.px(6) }
            anchors.bottomMargin: footer.visible ? Theme.px(5) : Theme.px(8)
            spacing: Theme.px(4)
            readonly property real lineHeight: Math.min(Theme.px(76), (height - spacing) / 2)

            ScoreRow {
                objectName: "visitorRow"
                width: rows.width
                height: rows.lineHeight
                abbr: card.visitorAbbr; nickname: card.visitorNickname; score: card.visitorScore
                teamColor: card.visitorColor
                hasBall: card.isLive && card.possession !== "" && card.possession === card.visitorAbbr
                dimmed: card.isFinal && card.leader === 1
                leading: card.leader === -1
                timeouts: card.isLive ? card.visitorTimeouts : -1
                winChance: card.hasWinProbability ? 1 - card.homeWinProbability : -1
            }
            ScoreRow {
                objectName: "homeRow"
                width: rows.width
                height: rows.lineHeight
                abbr: card.homeAbbr; nickname: card.homeNickname; score: card.homeScore
                teamColor: card.homeColor
                hasBall: card.isLive && card.possession !== "" && card.possession === card.homeAbbr
                dimmed: card.isFinal && card.leader === -1
                leading: card.leader === 1
                timeouts: card.isLive ? card.homeTimeouts : -1
                winChance: card.hasWinProbability ? card.homeWinProbability : -1
            }
        }

        Column {
            // Under the teams: the win probability and the last play while live, the channel and venue before.
            id: footer
            objectName: "cardFooter"
            anchors { left: parent.left; right: parent.right; bottom: card.isLive ? track.top : parent.bottom }
            anchors { leftMargin: Theme.px(16); rightMargin: Theme.px(16) }
            anchors.bottomMargin: card.isLive ? Theme.px(6) : Theme.px(12)
            spacing: Theme.px(4)
            visible: winBar.visible || lastPlayText.visible || detailsText.visible

            Item {
                // The visitor's share from the left in its colour, the home side's from the right in its own:
                // the same order as the lines above, whose percentages say which is which.
                id: winBar
                objectName: "winProbabilityBar"
                visible: card.hasWinProbability
                width: parent.width
                height: Math.max(3, Math.round(Theme.px(4) * card.fit))
                readonly property real homeShare: Math.min(1, Math.max(0, card.homeWinProbability))
                readonly property real gap: Math.max(2, Theme.px(2))
                Rectangle {
                    objectName: "visitorShare"
                    anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
                    width: Math.max(0, (parent.width - winBar.gap) * (1 - winBar.homeShare))
                    radius: height / 2
                    color: Qt.tint(card.visitorColor, Qt.rgba(1, 1, 1, Theme.teamBarLift))
                    Behavior on width { NumberAnimation { duration: Theme.barDuration } }
                }
                Rectangle {
                    objectName: "homeShare"
                    anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
                    width: Math.max(0, (parent.width - winBar.gap) * winBar.homeShare)
                    radius: height / 2
                    color: Qt.tint(card.homeColor, Qt.rgba(1, 1, 1, Theme.teamBarLift))
                    Behavior on width { NumberAnimation { duration: Theme.barDuration } }
                }
            }
            Text {
                id: lastPlayText
                objectName: "lastPlayText"
                visible: card.isLive && card.lastPlay !== ""
                width: parent.width
                text: card.lastPlay
                maximumLineCount: 1
                elide: Text.ElideRight
                color: Theme.dimText
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(Theme.px(12) * card.fit)
            }
            Text {
                id: detailsText
                objectName: "detailsText"
                visible: text !== ""
                width: parent.width
                text: card.detailsText
                maximumLineCount: 1
                elide: Text.ElideRight
                color: Theme.dimText
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(Theme.px(12) * card.fit)
            }
        }

        Rectangle {
            // How far the game has run: four quarter segments, filled while live.
            id: track
            objectName: "progressTrack"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            anchors { leftMargin: Theme.px(16); rightMargin: Theme.px(16); bottomMargin: Theme.px(12) }
            height: card.isLive ? Math.max(3, Theme.px(4)) : 0
            visible: card.isLive
            radius: height / 2
            color: Theme.cardBorder
            Rectangle {
                width: parent.width * card.progress
                height: parent.height
                radius: height / 2
                color: Theme.live
                Behavior on width { NumberAnimation { duration: Theme.barDuration } }
            }
            Repeater {
                model: 3
                delegate: Rectangle {
                    required property int index
                    x: track.width * (index + 1) / 4 - width / 2
                    width: Math.max(2, Theme.px(3)); height: track.height
                    color: Theme.card
                }
            }
        }
    }
}
