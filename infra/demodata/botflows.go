package demodata

// botFlow is one path through the virtual agent "Fibi" (seed 002): the menu
// option, the labels it registers, the lines it exchanges, and the queue a
// handover goes to.
type botFlow struct {
	intent   string
	option   string // the digit the customer typed at the main menu
	queue    int
	labels   []string // registered on the way in
	solved   string   // registered when the bot resolved it alone; "" if it never does
	menu     menu     // seed 003 menu path of a handover from this flow
	nav      string   // navigation, for the interaction's internal comments
	exchange []string // after the menu: bot, customer, bot, customer…
	finale   []string // bot lines that close a resolved conversation
}

const botMenu = "Olá! Sou a Fibi, assistente virtual da Conecta Fibra. Escolha uma opção:\n" +
	"1 - Segunda via da fatura\n2 - Suporte técnico\n3 - Planos e preços\n4 - Negociar débitos\n" +
	"5 - Instalação\n6 - Falar com um atendente"

var botFlows = []botFlow{
	{
		intent: "segunda_via", option: "1", queue: qFinanceiro,
		labels: []string{"Menu Principal", "Segunda Via"}, solved: "Segunda Via Sucesso",
		menu:     menu{"Segunda Via", "2000/2100/2110"},
		exchange: []string{"Para localizar a sua fatura, informe o CPF do titular (somente números).", "<cpf>"},
		finale:   []string{"Encontrei 1 fatura em aberto com vencimento no dia 10. Enviei o PDF do boleto e o código Pix aqui na conversa.", "Posso ajudar em algo mais? Se não, é só não responder. Até logo!"},
	},
	{
		intent: "suporte", option: "2", queue: qSuporte,
		labels: []string{"Menu Principal", "Suporte Técnico"}, solved: "Reinício Remoto Sucesso",
		menu:     menu{"Suporte Técnico", "2000/2200/2210"},
		exchange: []string{"Vou testar a sua conexão. Informe o CPF do titular, por favor.", "<cpf>", "Reiniciei o seu equipamento remotamente. A internet voltou?", "voltou sim"},
		finale:   []string{"Que ótimo! Se precisar de novo, é só chamar."},
	},
	{
		intent: "planos", option: "3", queue: qVendas,
		labels: []string{"Menu Principal", "Planos"}, solved: "Lead Capturado",
		menu:     menu{"Planos e Preços", "2000/2300/2310"},
		exchange: []string{"Temos planos de 500 Mega a 1 Giga. Informe o seu CEP para eu verificar a cobertura.", "01310100"},
		finale:   []string{"Boa notícia: o seu endereço tem cobertura! Um consultor vai entrar em contato em até 1 hora."},
	},
	{
		intent: "negociacao", option: "4", queue: qCobranca,
		labels: []string{"Menu Principal", "Negociação"}, solved: "Acordo Fechado",
		menu:     menu{"Negociação de Débitos", "2000/2400/2410"},
		exchange: []string{"Informe o CPF do titular para consultar os débitos.", "<cpf>", "Você tem 2 faturas em aberto. Posso parcelar em 3 vezes sem juros. Aceita?", "aceito"},
		finale:   []string{"Acordo registrado! O boleto da primeira parcela foi enviado para o seu e-mail."},
	},
	{
		intent: "instalacao", option: "5", queue: qInstalacao,
		labels: []string{"Menu Principal", "Instalação"}, solved: "Agendamento Confirmado",
		menu:     menu{"Instalação", "2000/2500/2510"},
		exchange: []string{"Tenho horários na quinta à tarde ou no sábado de manhã. Qual prefere?", "sábado"},
		finale:   []string{"Instalação confirmada para sábado, das 8h às 12h."},
	},
	{
		intent: "atendente", option: "6", queue: -1, // handed to whichever queue the customer needs
		labels:   []string{"Menu Principal", "Falar com Atendente"},
		menu:     menu{"Falar com Atendente", "2000/2600"},
		exchange: []string{"Sobre qual assunto você quer falar?", "quero falar com uma pessoa"},
	},
}

const (
	flowGeneric   = 5
	handoverLabel = "Transbordo"
)

// flowFor is the flow a customer of queue q takes: the queue's own flow, or
// "talk to an agent" when the bot has none for it.
func flowFor(q int) int {
	for i, f := range botFlows {
		if f.queue == q {
			return i
		}
	}
	return flowGeneric
}

func init() {
	for i := range botFlows {
		f := &botFlows[i]
		f.nav = "BOT: Menu Principal > " + f.option + " - " + f.menu.leaf + " > Transbordo"
	}
	for i := range queues {
		q := &queues[i]
		q.navs = make([]string, len(q.menus))
		for j, m := range q.menus {
			q.navs[j] = "URA: Menu Principal > " + q.name + " > " + m.leaf
		}
	}
}
