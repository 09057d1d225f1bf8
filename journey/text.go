package journey

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// Languages of the alert texts.
const (
	langEN = iota
	langRU
	langES
	langCount
)

// Languages lists the languages alert texts are written in.
func Languages() []string { return []string{"en", "ru", "es"} }

// langIndex reads "ru", "ru-RU", "es_AR", "EN"; anything else is English.
func langIndex(s string) int {
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	switch {
	case strings.EqualFold(s, "ru"):
		return langRU
	case strings.EqualFold(s, "es"):
		return langES
	}
	return langEN
}

// alertText is one alert's words: what happened and what to do. Both are
// fmt formats that name their arguments by index (%[1]s), so a text may
// use any of them; the arguments each key gets are listed at alertTexts.
type alertText struct{ msg, act string }

// render fills in the text of key in language lang.
func render(key string, lang int, args ...any) (msg, act string) {
	t, ok := alertTexts[key]
	if !ok {
		panic("journey: no alert text " + key)
	}
	x := t[lang]
	return fill(x.msg, args), fill(x.act, args)
}

// fill formats f with args. A text without verbs is returned as it is
// (fmt would complain about the arguments it does not use; with indexed
// verbs it does not).
func fill(f string, args []any) string {
	if strings.IndexByte(f, '%') < 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// spanText writes a duration in words: hours below two days, else whole
// days.
func spanText(lang int, d time.Duration) string {
	if d < 48*time.Hour {
		h := max(1, int(d.Hours()+0.5))
		return countText(lang, h, [langCount][3]string{
			{"hour", "hours", "hours"}, {"час", "часа", "часов"}, {"hora", "horas", "horas"}})
	}
	n := int(d.Hours()/24 + 0.5)
	return countText(lang, n, [langCount][3]string{
		{"day", "days", "days"}, {"день", "дня", "дней"}, {"día", "días", "días"}})
}

// countText writes n with the noun's plural form: one, few (Russian 2–4)
// and many.
func countText(lang, n int, forms [langCount][3]string) string {
	f := forms[lang]
	var w string
	switch lang {
	case langRU:
		switch m10, m100 := n%10, n%100; {
		case m10 == 1 && m100 != 11:
			w = f[0]
		case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
			w = f[1]
		default:
			w = f[2]
		}
	default:
		w = f[2]
		if n == 1 {
			w = f[0]
		}
	}
	return strconv.Itoa(n) + " " + w
}

var monthNames = [langCount][12]string{
	{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	// Genitive, as a date is written: "4 марта 2026".
	{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
}

// dateText writes the calendar date of t: "4 March 2026", "4 марта 2026",
// "4 de marzo de 2026".
func dateText(lang int, t time.Time) string {
	y, m, d := t.Date()
	if lang == langES {
		return fmt.Sprintf("%d de %s de %d", d, monthNames[lang][m-1], y)
	}
	return fmt.Sprintf("%d %s %d", d, monthNames[lang][m-1], y)
}

// milestoneNames name the milestones in the alert texts.
var milestoneNames = map[parcel.Milestone][langCount]string{
	parcel.MilestoneLabelCreated:        {"shipping information received", "получены данные об отправлении", "datos del envío recibidos"},
	parcel.MilestonePickedUp:            {"accepted by the carrier", "принято перевозчиком", "admitido por el transportista"},
	parcel.MilestoneOriginFacility:      {"sorting center in the origin country", "сортировочный центр в стране отправления", "centro de clasificación en el país de origen"},
	parcel.MilestoneExportCustoms:       {"export customs", "экспортное таможенное оформление", "aduana de exportación"},
	parcel.MilestoneDepartedOrigin:      {"left the origin country", "покинуло страну отправления", "salida del país de origen"},
	parcel.MilestoneInTransit:           {"in transit", "в пути", "en tránsito"},
	parcel.MilestoneArrivedDestination:  {"arrived in the destination country", "прибыло в страну назначения", "llegada al país de destino"},
	parcel.MilestoneImportCustoms:       {"import customs", "импортное таможенное оформление", "aduana de importación"},
	parcel.MilestoneCustomsReleased:     {"released by customs", "выпущено таможней", "liberado por la aduana"},
	parcel.MilestoneHandedToLastMile:    {"handed to the local delivery company", "передано местной службе доставки", "entregado a la empresa de reparto local"},
	parcel.MilestoneDestinationFacility: {"sorting center in the destination country", "сортировочный центр в стране назначения", "centro de clasificación en el país de destino"},
	parcel.MilestoneOutForDelivery:      {"out for delivery", "передано курьеру", "en reparto"},
	parcel.MilestoneAvailableForPickup:  {"at the pickup point", "прибыло в пункт выдачи", "disponible en el punto de recogida"},
	parcel.MilestoneDelivered:           {"delivered", "вручено", "entregado"},
}

func milestoneText(lang int, m parcel.Milestone) string {
	if n, ok := milestoneNames[m]; ok {
		return n[lang]
	}
	return string(m)
}

// The stalled message is the same at every stage; the advice differs.
var stalledMsg = [langCount]string{
	"No progress for %[1]s at the stage “%[2]s”; a parcel usually moves on within %[3]s.",
	"Уже %[1]s нет движения на этапе «%[2]s», а обычно посылка проходит его за %[3]s.",
	"Sin avances desde hace %[1]s en la etapa «%[2]s»; normalmente el paquete pasa a la siguiente en un máximo de %[3]s.",
}

// alertTexts holds every alert's words in English, Russian and Spanish, by
// key (the alert code, and a variant after a dot). Arguments:
//
//	not_found           1 time since the number was added
//	stalled.*           1 time without progress, 2 milestone, 3 normal time
//	customs_held.*      none
//	delivery_failed.*   1 date the parcel is kept until
//	awaiting_pickup.*   1 date it is sent back, 2 time left, 3 time waited
//	protection_ending   1 date protection ends, 2 time left
//	protection_expired  1 date protection ended
//	returning.unclaimed 1 date the storage period ended
//	delivered           1 date delivered
//	others              none
var alertTexts = map[string][langCount]alertText{
	"not_found": {
		{"No tracking information %[1]s after the number was added.",
			"Check the number against the order page for typos. A number that shows nothing for this long is often wrong, non-standard or fake: ask the seller to confirm it or to give you one that can be tracked, and open a dispute if they can't."},
		{"Прошло %[1]s с момента добавления номера, а информации по нему всё ещё нет.",
			"Сверьте номер со страницей заказа — нет ли опечатки. Номер, который так долго не отслеживается, часто ошибочный, нестандартный или фиктивный: попросите продавца подтвердить его или дать номер, который отслеживается, а если он не может — откройте спор."},
		{"Han pasado %[1]s desde que añadió el número y todavía no hay información de seguimiento.",
			"Compruebe que el número coincide con el de la página del pedido. Un número sin información durante tanto tiempo suele ser erróneo, no estándar o falso: pida al vendedor que lo confirme o que le dé uno que se pueda rastrear y, si no puede, abra una disputa."},
	},

	"stalled.label": {
		{"For %[1]s the carrier has had only the shipping information; the parcel itself has not been handed over.",
			"Ask the seller whether the parcel has really been sent. If the carrier still hasn't received it in a few days, open a dispute before buyer protection runs out."},
		{"Уже %[1]s у перевозчика есть только данные об отправлении — саму посылку ему так и не передали.",
			"Спросите продавца, действительно ли посылка отправлена. Если через несколько дней перевозчик её так и не получит, откройте спор, пока действует защита покупателя."},
		{"Desde hace %[1]s el transportista solo tiene los datos del envío; todavía no le han entregado el paquete.",
			"Pregunte al vendedor si de verdad ha enviado el paquete. Si en unos días el transportista sigue sin recibirlo, abra una disputa antes de que termine la protección del comprador."},
	},
	"stalled.origin": {
		{stalledMsg[langEN], "Ask the seller to check with the carrier. If nothing changes within a few days, open a dispute."},
		{stalledMsg[langRU], "Попросите продавца выяснить у перевозчика, что с посылкой. Если в ближайшие дни ничего не изменится, откройте спор."},
		{stalledMsg[langES], "Pida al vendedor que lo consulte con el transportista. Si nada cambia en unos días, abra una disputa."},
	},
	"stalled.export": {
		{stalledMsg[langEN], "Export can be slow, especially before holidays, but this is longer than usual. Ask the postal service to search for the parcel, giving the tracking number and, if you can, the seller's proof of dispatch."},
		{stalledMsg[langRU], "Экспорт бывает долгим, особенно перед праздниками, но это дольше обычного. Подайте в почтовую службу заявление на розыск посылки, указав трек-номер и, если есть, документ продавца об отправке."},
		{stalledMsg[langES], "La exportación puede tardar, sobre todo antes de las fiestas, pero esto ya es más de lo habitual. Pida al servicio postal que busque el paquete; indique el número de seguimiento y, si puede, el comprobante de envío del vendedor."},
	},
	"stalled.transit": {
		{stalledMsg[langEN], "Airlines don't report their part of the trip, so silences between export and import are common: the parcel is probably waiting its turn. If there is still no news in a week, ask the seller to have the carrier search for it."},
		{stalledMsg[langRU], "Авиакомпании не сообщают о своей части пути, поэтому затишье между экспортом и импортом — обычное дело: скорее всего, посылка ждёт своей очереди. Если и через неделю новостей не будет, попросите продавца начать розыск у перевозчика."},
		{stalledMsg[langES], "Las aerolíneas no informan de su parte del viaje, así que los silencios entre la exportación y la importación son habituales: probablemente el paquete está esperando su turno. Si dentro de una semana sigue sin novedades, pida al vendedor que solicite una búsqueda al transportista."},
	},
	"stalled.customs": {
		{stalledMsg[langEN], "Contact the destination country's postal service or customs with the tracking number and ask whether they need anything from you, such as documents or payment of duties."},
		{stalledMsg[langRU], "Свяжитесь с почтовой службой или таможней страны назначения, назовите трек-номер и спросите, не нужно ли что-то от вас — документы или оплата пошлины."},
		{stalledMsg[langES], "Póngase en contacto con el servicio postal o la aduana del país de destino, indique el número de seguimiento y pregunte si necesitan algo de usted, como documentos o el pago de aranceles."},
	},
	"stalled.lastmile": {
		{stalledMsg[langEN], "Contact the local delivery company with the tracking number (it may use a number of its own: see the journey's legs). If it can't help, contact the seller."},
		{stalledMsg[langRU], "Обратитесь в местную службу доставки с трек-номером (у неё может быть свой номер — смотрите участки маршрута). Если там не помогут, свяжитесь с продавцом."},
		{stalledMsg[langES], "Póngase en contacto con la empresa de reparto local con el número de seguimiento (puede usar un número propio: véanse los tramos del envío). Si no le ayudan, contacte con el vendedor."},
	},

	"customs_held.duties_due": {
		{"Customs is holding the parcel until import duties or taxes are paid.",
			"Pay the duties the way the carrier or customs asks (a notice, a text message or their website). Check the amount against the declared value; if it looks wrong, or the seller promised that duties were included, contact the seller."},
		{"Таможня задерживает посылку до уплаты пошлины или налогов.",
			"Оплатите пошлину так, как указывает перевозчик или таможня (извещение, SMS или их сайт). Сверьте сумму с объявленной стоимостью; если она кажется неверной или продавец обещал, что пошлина включена, свяжитесь с продавцом."},
		{"La aduana retiene el paquete hasta que se paguen los aranceles o impuestos de importación.",
			"Pague los aranceles como le indique el transportista o la aduana (aviso, SMS o su web). Compruebe el importe con el valor declarado; si no le parece correcto, o el vendedor le aseguró que estaban incluidos, contacte con el vendedor."},
	},
	"customs_held.documents_required": {
		{"Customs is asking for documents before it releases the parcel.",
			"Send customs (or the carrier acting for you) what they ask for, usually the invoice or proof of purchase: the order page and the payment receipt. Ask the seller for an invoice if you don't have one. Answer quickly: the parcel is stored only for a limited time."},
		{"Таможня запрашивает документы, прежде чем выпустить посылку.",
			"Отправьте таможне (или перевозчику, который оформляет посылку за вас) то, что она просит, — обычно инвойс или подтверждение покупки: страницу заказа и чек об оплате. Если инвойса нет, запросите его у продавца. Не затягивайте: посылку хранят ограниченное время."},
		{"La aduana pide documentos antes de liberar el paquete.",
			"Envíe a la aduana (o al transportista que actúa en su nombre) lo que le pidan, normalmente la factura o un justificante de compra: la página del pedido y el comprobante de pago. Si no tiene factura, pídasela al vendedor. Responda pronto: el paquete solo se guarda durante un tiempo limitado."},
	},
	"customs_held.inspection": {
		{"Customs is inspecting the parcel.",
			"Usually there is nothing to do: an inspection takes a few days. If customs or the carrier contacts you, answer promptly."},
		{"Таможня досматривает посылку.",
			"Обычно ничего делать не нужно: досмотр занимает несколько дней. Если таможня или перевозчик свяжутся с вами, ответьте как можно скорее."},
		{"La aduana está inspeccionando el paquete.",
			"Normalmente no hay que hacer nada: la inspección dura unos días. Si la aduana o el transportista se ponen en contacto con usted, responda cuanto antes."},
	},
	"customs_held.other": {
		{"Customs is holding the parcel.",
			"Customs holds a parcel when it is over the weight or duty-free value limit, or its declared value looks too low. Contact the carrier or customs with the tracking number to learn what they need: usually duties or an invoice."},
		{"Посылка задержана таможней.",
			"Таможня задерживает посылку, если превышены нормы по весу или беспошлинной стоимости либо объявленная стоимость выглядит заниженной. Узнайте у перевозчика или таможни по трек-номеру, что требуется, — обычно оплата пошлины или инвойс."},
		{"La aduana retiene el paquete.",
			"La aduana retiene un paquete cuando supera el límite de peso o de valor libre de impuestos, o su valor declarado parece demasiado bajo. Consulte al transportista o a la aduana con el número de seguimiento qué necesitan: normalmente el pago de aranceles o una factura."},
	},

	"delivery_failed.no_one_home": {
		{"The courier couldn't deliver the parcel: nobody was at home.",
			"Look for the notice and arrange a new delivery with the carrier, or collect the parcel from the post office with your ID and the tracking number. It is kept until about %[1]s and then sent back."},
		{"Курьер не смог доставить посылку: никого не было дома.",
			"Найдите извещение и договоритесь с перевозчиком о повторной доставке или получите посылку в отделении, взяв паспорт и трек-номер. Её хранят примерно до %[1]s, потом отправляют обратно."},
		{"El repartidor no pudo entregar el paquete: no había nadie en casa.",
			"Busque el aviso y acuerde una nueva entrega con el transportista, o recoja el paquete en la oficina con su documento de identidad y el número de seguimiento. Se guarda hasta aproximadamente el %[1]s y después se devuelve."},
	},
	"delivery_failed.refused": {
		{"The delivery was refused.",
			"If you did not refuse it, contact the carrier at once so that the parcel is not sent back. If you did, ask the seller how the return and the refund will be handled."},
		{"От получения посылки отказались.",
			"Если вы не отказывались, сразу свяжитесь с перевозчиком, чтобы посылку не отправили обратно. Если отказались — узнайте у продавца, как будут оформлены возврат и возмещение."},
		{"Se rechazó la entrega.",
			"Si usted no la rechazó, contacte de inmediato con el transportista para que no devuelva el paquete. Si la rechazó, pregunte al vendedor cómo se tramitarán la devolución y el reembolso."},
	},
	"delivery_failed.address_issue": {
		{"The parcel could not be delivered because of a problem with the address.",
			"Contact the carrier with the tracking number to correct the address; check the postcode above all, since sorting relies on it. Do it before %[1]s, when an unclaimed parcel is sent back."},
		{"Посылку не удалось доставить из-за проблемы с адресом.",
			"Свяжитесь с перевозчиком по трек-номеру и уточните адрес; особенно проверьте индекс — по нему работает автоматическая сортировка. Сделайте это до %[1]s: невостребованную посылку отправят обратно."},
		{"No se pudo entregar el paquete por un problema con la dirección.",
			"Contacte con el transportista con el número de seguimiento para corregir la dirección; revise sobre todo el código postal, del que depende la clasificación automática. Hágalo antes del %[1]s, cuando un paquete no reclamado se devuelve."},
	},
	"delivery_failed.security": {
		{"The courier couldn't reach the door (no access, or a security problem).",
			"Contact the carrier to give access instructions or choose another delivery time, or collect the parcel yourself with your ID and the tracking number. It is kept until about %[1]s."},
		{"Курьер не смог попасть к двери (нет доступа или проблема с безопасностью).",
			"Свяжитесь с перевозчиком: объясните, как к вам пройти, или выберите другое время доставки — либо заберите посылку сами с паспортом и трек-номером. Её хранят примерно до %[1]s."},
		{"El repartidor no pudo llegar hasta la puerta (sin acceso o por un problema de seguridad).",
			"Contacte con el transportista para indicarle cómo acceder o acordar otra hora de entrega, o recoja usted el paquete con su documento de identidad y el número de seguimiento. Se guarda hasta aproximadamente el %[1]s."},
	},
	"delivery_failed.other": {
		{"A delivery attempt failed.",
			"Ask the carrier, with the tracking number, why it failed, and arrange a new delivery or a pickup. The parcel is kept until about %[1]s."},
		{"Попытка доставки не удалась.",
			"Узнайте у перевозчика по трек-номеру причину и договоритесь о повторной доставке или получении в отделении. Посылку хранят примерно до %[1]s."},
		{"Un intento de entrega ha fallado.",
			"Consulte al transportista con el número de seguimiento el motivo y acuerde una nueva entrega o la recogida. El paquete se guarda hasta aproximadamente el %[1]s."},
	},

	"awaiting_pickup": {
		{"The parcel is waiting for you at the pickup point.",
			"Collect it with your ID and the tracking number; you don't have to wait for the notice. It is kept until %[1]s."},
		{"Посылка ждёт вас в пункте выдачи.",
			"Заберите её с паспортом и трек-номером — ждать извещения не обязательно. Её хранят до %[1]s."},
		{"El paquete le espera en el punto de recogida.",
			"Recójalo con su documento de identidad y el número de seguimiento; no hace falta esperar el aviso. Se guarda hasta el %[1]s."},
	},
	"awaiting_pickup.reminder": {
		{"The parcel has been waiting at the pickup point for %[3]s.",
			"Collect it soon, with your ID and the tracking number: after %[1]s it will be sent back to the sender."},
		{"Посылка уже %[3]s ждёт в пункте выдачи.",
			"Заберите её поскорее, взяв паспорт и трек-номер: после %[1]s её отправят обратно отправителю."},
		{"El paquete lleva %[3]s esperando en el punto de recogida.",
			"Recójalo pronto con su documento de identidad y el número de seguimiento: después del %[1]s se devolverá al remitente."},
	},
	"awaiting_pickup.last_days": {
		{"Time to collect the parcel at the pickup point runs out in %[2]s.",
			"Collect it by %[1]s with your ID and the tracking number, or it will be sent back to the sender."},
		{"Срок хранения посылки в пункте выдачи истекает через %[2]s.",
			"Заберите её до %[1]s включительно, взяв паспорт и трек-номер, иначе её отправят обратно отправителю."},
		{"El plazo para recoger el paquete en el punto de recogida vence en %[2]s.",
			"Recójalo a más tardar el %[1]s con su documento de identidad y el número de seguimiento; si no, se devolverá al remitente."},
	},

	"protection_ending": {
		{"Buyer protection ends in %[2]s (%[1]s) and the parcel hasn't been delivered.",
			"Ask the seller to extend buyer protection, or press “Extend protection” on the order page. If that isn't possible, open a dispute before protection ends."},
		{"Защита покупателя закончится через %[2]s (%[1]s), а посылка ещё не доставлена.",
			"Попросите продавца продлить защиту покупателя или нажмите «Продлить защиту» на странице заказа. Если продлить нельзя, откройте спор до окончания защиты."},
		{"La protección del comprador termina en %[2]s (el %[1]s) y el paquete aún no se ha entregado.",
			"Pida al vendedor que amplíe la protección del comprador o pulse «Ampliar protección» en la página del pedido. Si no es posible, abra una disputa antes de que termine."},
	},
	"protection_expired": {
		{"Buyer protection ended on %[1]s and the parcel hasn't been delivered.",
			"Open a dispute on the marketplace now to ask for a refund; if that option is gone, contact the marketplace's support. Keep the tracking history as evidence."},
		{"Защита покупателя закончилась %[1]s, а посылка так и не доставлена.",
			"Откройте спор на площадке и потребуйте возврат денег; если такой возможности уже нет, напишите в поддержку площадки. Сохраните историю отслеживания как доказательство."},
		{"La protección del comprador terminó el %[1]s y el paquete no se ha entregado.",
			"Abra ya una disputa en la plataforma para pedir el reembolso; si esa opción ya no aparece, escriba al servicio de atención de la plataforma. Guarde el historial de seguimiento como prueba."},
	},

	"returning.explicit": {
		{"The parcel is on its way back to the sender.",
			"Contact the seller now and agree on a refund or a new shipment. If the parcel shouldn't be going back, contact the carrier with the tracking number at once."},
		{"Посылка возвращается отправителю.",
			"Сразу свяжитесь с продавцом и договоритесь о возврате денег или повторной отправке. Если посылку возвращать не должны, немедленно обратитесь к перевозчику с трек-номером."},
		{"El paquete está volviendo al remitente.",
			"Contacte ya con el vendedor y acuerde un reembolso o un nuevo envío. Si el paquete no debía devolverse, contacte de inmediato con el transportista con el número de seguimiento."},
	},
	"returning.export": {
		{"The parcel shows “export” again, now from the destination country: it is going back to the sender.",
			"Contact the seller now and agree on a refund or a new shipment. If the parcel shouldn't be going back, contact the carrier with the tracking number at once."},
		{"Посылка снова проходит экспорт — теперь уже из страны назначения: это значит, что она возвращается отправителю.",
			"Сразу свяжитесь с продавцом и договоритесь о возврате денег или повторной отправке. Если посылку возвращать не должны, немедленно обратитесь к перевозчику с трек-номером."},
		{"El paquete vuelve a pasar por exportación, ahora desde el país de destino: eso significa que está volviendo al remitente.",
			"Contacte ya con el vendedor y acuerde un reembolso o un nuevo envío. Si el paquete no debía devolverse, contacte de inmediato con el transportista con el número de seguimiento."},
	},
	"returning.unclaimed": {
		{"The parcel was not collected from the pickup point in time (the storage period ended on %[1]s), so it is probably being sent back to the sender.",
			"Contact the pickup point or the carrier at once: sometimes the parcel is still there. Otherwise ask the seller about a refund or a new shipment."},
		{"Посылку не забрали из пункта выдачи вовремя (срок хранения истёк %[1]s), поэтому, скорее всего, её отправляют обратно отправителю.",
			"Срочно свяжитесь с пунктом выдачи или перевозчиком: иногда посылка ещё там. Если нет — договоритесь с продавцом о возврате денег или повторной отправке."},
		{"No se recogió el paquete a tiempo en el punto de recogida (el plazo terminó el %[1]s), así que probablemente se está devolviendo al remitente.",
			"Contacte de inmediato con el punto de recogida o con el transportista: a veces el paquete todavía está allí. Si no, pregunte al vendedor por un reembolso o un nuevo envío."},
	},
	"returned": {
		{"The parcel is back with the sender.",
			"Ask the seller for a refund or a new shipment. If they don't answer, open a dispute while buyer protection lasts."},
		{"Посылка вернулась к отправителю.",
			"Попросите продавца вернуть деньги или отправить товар заново. Если он не отвечает, откройте спор, пока действует защита покупателя."},
		{"El paquete ha vuelto al remitente.",
			"Pida al vendedor un reembolso o un nuevo envío. Si no responde, abra una disputa mientras dure la protección del comprador."},
	},
	"delivered": {
		{"The parcel was delivered on %[1]s.",
			"Check the parcel and confirm receipt on the order page. If you did not get it, contact the carrier and the seller at once, before buyer protection ends."},
		{"Посылка вручена %[1]s.",
			"Проверьте посылку и подтвердите получение на странице заказа. Если вы её не получали, сразу свяжитесь с перевозчиком и продавцом, пока действует защита покупателя."},
		{"El paquete se entregó el %[1]s.",
			"Revise el paquete y confirme la recepción en la página del pedido. Si no lo ha recibido, contacte enseguida con el transportista y con el vendedor, antes de que termine la protección del comprador."},
	},

	"exception.lost": {
		{"The carrier reports the parcel as lost.",
			"Ask the seller for a refund or a new shipment, and open a dispute if they don't agree. The sender can also file a claim with the carrier."},
		{"Перевозчик сообщает, что посылка утеряна.",
			"Попросите продавца вернуть деньги или отправить товар заново; если он не согласится, откройте спор. Отправитель также может подать претензию перевозчику."},
		{"El transportista informa de que el paquete se ha perdido.",
			"Pida al vendedor un reembolso o un nuevo envío y, si no acepta, abra una disputa. El remitente también puede presentar una reclamación al transportista."},
	},
	"exception.damaged": {
		{"The carrier reports the parcel as damaged.",
			"When it arrives, open it in front of the courier or at the post office and have the damage recorded, or refuse it. Take photos and send them to the seller with a request for a refund or a replacement."},
		{"Перевозчик сообщает, что посылка повреждена.",
			"При получении вскройте её при курьере или сотруднике отделения и попросите составить акт о повреждении — или откажитесь от неё. Сфотографируйте повреждения и отправьте фото продавцу с просьбой вернуть деньги или заменить товар."},
		{"El transportista informa de que el paquete está dañado.",
			"Al recibirlo, ábralo delante del repartidor o en la oficina y pida que dejen constancia de los daños, o rechácelo. Haga fotos y envíelas al vendedor pidiendo un reembolso o una sustitución."},
	},
	"exception.destroyed": {
		{"The parcel was destroyed (for example by customs, as counterfeit goods).",
			"Contact the seller and open a dispute for a refund; if the marketplace needs proof, ask the carrier or customs for a written confirmation."},
		{"Посылка уничтожена (например, таможней как контрафакт).",
			"Свяжитесь с продавцом и откройте спор, чтобы вернуть деньги; если площадке нужны доказательства, запросите у перевозчика или таможни письменное подтверждение."},
		{"El paquete ha sido destruido (por ejemplo, por la aduana por tratarse de productos falsificados).",
			"Contacte con el vendedor y abra una disputa para obtener el reembolso; si la plataforma pide pruebas, solicite una confirmación por escrito al transportista o a la aduana."},
	},
	"exception.cancelled": {
		{"The shipment was cancelled.",
			"Ask the seller whether the order was cancelled or will be sent again under a new number; if neither, ask for a refund."},
		{"Отправление отменено.",
			"Спросите продавца, отменён ли заказ или его отправят снова под новым номером; если ни то ни другое — потребуйте возврат денег."},
		{"El envío ha sido cancelado.",
			"Pregunte al vendedor si el pedido se ha cancelado o se volverá a enviar con otro número; si no es ninguna de las dos cosas, pida el reembolso."},
	},
	"exception.delayed": {
		{"The carrier reports a delay.",
			"Usually there is nothing to do but wait a few more days. Keep an eye on buyer protection and ask the seller to extend it if it is running out."},
		{"Перевозчик сообщает о задержке.",
			"Обычно остаётся только подождать ещё несколько дней. Следите за сроком защиты покупателя и, если он подходит к концу, попросите продавца продлить её."},
		{"El transportista informa de un retraso.",
			"Normalmente solo queda esperar unos días más. Vigile la protección del comprador y, si está a punto de terminar, pida al vendedor que la amplíe."},
	},
	"exception.other": {
		{"The carrier reports a problem with the parcel.",
			"Ask the carrier, with the tracking number, what happened, and let the seller know."},
		{"Перевозчик сообщает о проблеме с посылкой.",
			"Узнайте у перевозчика по трек-номеру, что произошло, и сообщите продавцу."},
		{"El transportista informa de un problema con el paquete.",
			"Consulte al transportista con el número de seguimiento qué ha pasado e informe al vendedor."},
	},
}
